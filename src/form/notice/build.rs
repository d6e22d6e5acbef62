//! Puts what the extractors read into a campaign of the schema of `assets/campaigns/`. Fields
//! the schema requires but the notice does not give get a stand-in starting with `MISSING_MARK`
//! and a `silent` line, never a made-up fact.

use super::{Notes, Text, contacts, dates, header, limits, materials, photos, quotas};
use crate::form::campaign::{
    Campaign, Deadline, Material, PaperCopies, Party, Producer, Submission,
};

/// Starts every stand-in value for a required field the notice does not give.
pub const MISSING_MARK: &str = "【通知未写明】";

fn stand_in(field: &str, notes: &mut Notes, silent: &mut Vec<String>) -> String {
    notes.missing(field);
    silent.push(format!("通知中未找到{field}，请按通知填写。"));
    format!("{MISSING_MARK}{field}")
}

/// A material the notice names: sent electronically (the reader cannot tell otherwise).
fn material(id: &str, name: String, by: Party, produced_by: Producer, paper: bool) -> Material {
    Material {
        paper,
        electronic: true,
        ..Material::new(id, name, by, produced_by)
    }
}

fn party_of(id: &str) -> Party {
    match id {
        "summary" | "report" | "activity_sheet" | "integrity_recommender" => Party::Recommender,
        _ => Party::Candidate,
    }
}

pub fn campaign(text: &Text, notes: &mut Notes) -> Campaign {
    let mut silent = Vec::new();
    let head = header::read(text, notes);
    let deadline = dates::read(text, head.year, notes);
    let contacts = contacts::read(text, notes);
    let limits = limits::read(text, notes);
    let photos = photos::read(text, notes);
    let paper = materials::read(text, notes);
    let quotas = quotas::quotas(text, notes);
    let youth_rule = quotas::youth(text, notes);
    let mut eligibility = quotas::eligibility(text, notes);

    let year = head.year.unwrap_or_else(|| {
        notes.missing("年份");
        silent.push("通知中未找到年份，暂填2000，请按通知填写。".to_owned());
        2000
    });
    let city = match head.city {
        Some(city) => city,
        None => stand_in("城市", notes, &mut silent),
    };
    let notice_title = match head.title {
        Some(title) => title,
        None => stand_in("通知标题", notes, &mut silent),
    };
    let form_title = match head.form_title {
        Some(title) => title,
        None => stand_in("推荐表标题", notes, &mut silent),
    };
    let summary_found = head.summary_title.is_some();
    let summary_title = match head.summary_title {
        Some(title) => title,
        None => stand_in("汇总表标题", notes, &mut silent),
    };
    if head.document_number.is_none() {
        notes.missing("文号");
    }
    if head.issued.is_none() {
        notes.missing("印发日期");
    }
    let organisers = if head.organisers.is_empty() {
        notes.missing("主办单位");
        silent.push("通知中未找到主办单位，请按通知填写。".to_owned());
        Vec::new()
    } else {
        head.organisers
    };
    let deadline = deadline.unwrap_or_else(|| {
        notes.missing("截止日期");
        silent.push(format!(
            "通知中未找到报送截止日期；暂填{year}-12-31，请按通知改正。"
        ));
        Deadline {
            date: format!("{year:04}-12-31"),
            text: format!("{MISSING_MARK}截止日期"),
            time: None,
            stages: Vec::new(),
        }
    });
    let office = match contacts.office {
        Some(office) => office,
        None => stand_in("报送部门", notes, &mut silent),
    };
    for (field, absent) in [
        ("电子邮箱", contacts.email.is_none()),
        ("地址", contacts.address.is_none()),
        ("邮编", contacts.postcode.is_none()),
        ("联系人", contacts.contacts.is_empty()),
        ("联系电话", contacts.phones.is_empty()),
        ("字数要求", limits.words.is_empty()),
        ("名额", quotas.is_empty()),
        ("青年比例", youth_rule.is_none()),
        ("纸质份数", paper.copies.is_empty() && paper.all.is_none()),
        ("个人申报", eligibility.individual_application.is_none()),
    ] {
        if absent {
            notes.missing(field);
        }
    }
    if !photos.asked {
        notes.missing("照片要求");
        silent.push("通知未对照片作要求；证件照尺寸暂按推荐表模板的小2寸。".to_owned());
    } else if photos.rules.id_photo.size.is_none() {
        notes.missing("证件照尺寸");
        silent.push("通知未写证件照尺寸；暂按推荐表模板的小2寸（35×45毫米）。".to_owned());
    }
    if photos.rules.id_photo.background.is_none() {
        silent.push("通知未规定证件照的背景颜色；应用不检查背景色。".to_owned());
    }

    // Materials: the form, the summary, each material given copies, photos and video.
    let mut materials = vec![material(
        "form",
        format!("《{form_title}》"),
        Party::Candidate,
        Producer::App,
        false,
    )];
    if summary_found || paper.copies.iter().any(|c| c.material == "summary") {
        materials.push(material(
            "summary",
            format!("《{summary_title}》"),
            Party::Recommender,
            Producer::App,
            false,
        ));
    }
    if limits.words.contains_key("deeds_material") {
        materials.push(material(
            "deeds_material",
            "主要事迹文字材料".to_owned(),
            Party::Candidate,
            Producer::Manual,
            false,
        ));
    }
    for copies in &paper.copies {
        if !materials.iter().any(|m| m.id == copies.material) {
            let id = copies.material;
            materials.push(material(
                id,
                copies.name.clone(),
                party_of(id),
                Producer::Manual,
                true,
            ));
        }
        if let Some(m) = materials.iter_mut().find(|m| m.id == copies.material) {
            m.stamp = copies.stamp.clone();
        }
    }
    let mut paper_copies: Vec<PaperCopies> = paper
        .copies
        .iter()
        .map(|c| PaperCopies {
            material: c.material.to_owned(),
            copies: c.copies,
        })
        .collect();
    if let Some(all) = paper.all {
        for m in &materials {
            if !paper_copies.iter().any(|c| c.material == m.id) {
                paper_copies.push(PaperCopies {
                    material: m.id.clone(),
                    copies: all,
                });
            }
        }
    }
    for m in &mut materials {
        m.paper = paper_copies.iter().any(|c| c.material == m.id);
    }
    if photos.id_photo_found {
        let mut id_photo = material(
            "id_photo",
            photos.rules.id_photo.description.clone(),
            Party::Candidate,
            Producer::App,
            false,
        );
        id_photo.note = photos.rules.format.clone().map(|f| format!("{f}格式"));
        materials.push(id_photo);
    }
    if let Some(range) = photos.rules.life_work_photos {
        materials.push(material(
            "life_work_photos",
            format!("生活或工作照片{}", range.words("张")),
            Party::Candidate,
            Producer::App,
            false,
        ));
    }
    if let Some((rules, words)) = &photos.video {
        let mut video = material(
            "video",
            "视频".to_owned(),
            Party::Candidate,
            Producer::Manual,
            false,
        );
        video.video = Some(rules.clone());
        video.note = Some(words.trim().to_owned());
        video.optional = words.contains("有条件");
        materials.push(video);
    }
    if eligibility.official_level.is_none() {
        silent.push("通知中未找到公务员的级别限制。".to_owned());
    }
    if eligibility.individual_application.is_none() {
        silent.push("通知未说是否接受个人申报；应用按推荐单位报送处理。".to_owned());
    }

    let extras = super::extras::read(text, notes);
    eligibility.born_after = extras.born_after.clone();
    // Only materials the campaign has can travel on a disc or stick.
    let media_materials: Vec<String> = (extras.media.iter())
        .flat_map(|(_, ids)| ids.iter())
        .filter(|id| materials.iter().any(|m| m.id == **id))
        .map(|id| (*id).to_owned())
        .collect();
    silent.append(&mut notes.silent);
    // An ASCII id (drafts and file names use it): the year and a hash of the title.
    let hash = notice_title
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        });
    Campaign {
        id: format!("notice-{year}-{:08x}", hash as u32),
        city,
        year,
        form: "zuimei_tuijianbiao".to_owned(),
        notice_title,
        document_number: head.document_number,
        issued: head.issued,
        form_title,
        summary_title,
        organisers,
        reference_date: deadline.date.clone(),
        deadline,
        word_limits: limits.words,
        stories: limits.stories,
        photo: photos.rules,
        paper_copies,
        materials,
        submission: Submission {
            package_name: extras.package_name,
            email: contacts.email,
            office,
            address: contacts.address,
            postcode: contacts.postcode,
            contacts: contacts.contacts,
            phones: contacts.phones,
            media: extras.media.as_ref().map(|(way, _)| way.clone()),
            media_materials,
            electronic_only: false,
        },
        before_submission: extras.before_submission,
        summary_name: None,
        share_rules: Vec::new(),
        quotas,
        youth_rule,
        eligibility,
        selection: None,
        form_in_notice: extras.form_in_notice,
        instructions: None,
        evidence: extras.evidence,
        silent,
    }
}
