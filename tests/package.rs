//! The secretary's side from the outside: the submission package of three candidates (files
//! exactly as its 材料清单 names them, photos byte-identical and named 姓名+序号, the 汇总表 and
//! the combined print PDF read back with poppler), the youth figure, and drafts travelling as
//! 姓名-推荐材料.zip between two data folders without ever overwriting silently.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use tianbiao::draft::{Draft, DraftFolder, Library};
use tianbiao::form::answers::PhotoRef;
use tianbiao::package::PackageError;
use tianbiao::package::batch::export_batch;
use tianbiao::package::checklist::CHECKLIST_FILE;
use tianbiao::package::exchange::{exchange_file_name, read_exchange, write_exchange};
use tianbiao::package::import::{ImportChoice, ImportOutcome, import_draft};
use tianbiao::package::pack::{BATCH_FILE, PackOptions, pack};
use tianbiao::package::roster::{Candidate, youth_figure};
use tianbiao::pdf::compose::ComposeOptions;

/// A camera-like JPEG of more than 2 MB.
fn big_jpeg(path: &Path, seed: u32) {
    common::camera_jpeg(path, seed, 100);
    assert!(fs::metadata(path).unwrap().len() > 2 * 1024 * 1024);
}

fn small_png(path: &Path) {
    let image = image::RgbImage::from_pixel(400, 300, image::Rgb([200, 180, 160]));
    image.save(path).unwrap();
}

struct Person {
    name: &'static str,
    gender: &'static str,
    ethnicity: &'static str,
    party: &'static str,
    birth: &'static str,
    unit: &'static str,
    title: &'static str,
    specialty: &'static str,
    honours: &'static str,
    note: &'static str,
}

const PEOPLE: [Person; 3] = [
    Person {
        name: "张三",
        gender: "男",
        ethnicity: "汉族",
        party: "中共党员",
        birth: "1985-03",
        unit: "甲研究所所长",
        title: "研究员",
        specialty: "小麦育种",
        honours: "省劳动模范",
        note: "备注甲",
    },
    Person {
        name: "李四",
        gender: "女",
        ethnicity: "回族",
        party: "民盟盟员",
        birth: "1970-11",
        unit: "乙医院主任",
        title: "主任医师",
        specialty: "心血管",
        honours: "无",
        note: "备注乙",
    },
    Person {
        name: "王五",
        gender: "男",
        ethnicity: "满族",
        party: "群众",
        birth: "1968-07",
        unit: "丙公司总工",
        title: "正高级工程师",
        specialty: "智能装备",
        honours: "市科技进步奖",
        note: "备注丙",
    },
];

/// Three copies of the sample (新乡 2023), each a different person with two life photos; the
/// last one's second photo is a small PNG, which the package must report, not convert.
fn three_candidates(library: &Library, photos_dir: &Path) -> Vec<DraftFolder> {
    PEOPLE
        .iter()
        .enumerate()
        .map(|(index, person)| {
            let folder = tianbiao::draft::sample::create_sample(library).unwrap();
            let (mut draft, _) = folder.load().unwrap();
            let a = &mut draft.answers;
            a.set_text("name", person.name);
            a.set_text("gender", person.gender);
            a.set_text("ethnicity", person.ethnicity);
            a.set_text("political_status", person.party);
            a.set_text("birth", person.birth);
            a.set_text("unit_position", person.unit);
            a.set_text("pro_title", person.title);
            a.set_text("specialty", person.specialty);
            a.set_text("honours", person.honours);
            a.set_text("summary_note", person.note);
            let mut life = Vec::new();
            for n in 0..2 {
                let path = photos_dir.join(format!("{}-{n}.jpg", person.name));
                if index == 2 && n == 1 {
                    let png = photos_dir.join(format!("{}-{n}.png", person.name));
                    small_png(&png);
                    life.push(folder.add_photo(&png, "life").unwrap());
                } else {
                    big_jpeg(&path, (index * 10 + n + 1) as u32);
                    life.push(folder.add_photo(&path, "life").unwrap());
                }
            }
            draft.answers.set_images("life_photos", life);
            draft.title = String::new();
            folder.save(&mut draft).unwrap();
            folder
        })
        .collect()
}

fn candidates(folders: &[DraftFolder]) -> Vec<Candidate> {
    let (definition, campaign) = common::pair("xinxiang-2023");
    folders
        .iter()
        .map(|folder| {
            let (draft, _) = folder.load().unwrap();
            Candidate::new(folder.clone(), draft, definition, campaign)
        })
        .collect()
}

/// Every file under `dir`, relative, `/`-separated.
fn files_under(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(next) = stack.pop() {
        for entry in fs::read_dir(&next).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let relative = path.strip_prefix(dir).unwrap();
                out.push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out.sort();
    out
}

/// The files a checklist says the package holds (its `[✓] path —— what` lines), sorted.
fn files_named_in(checklist: &str) -> Vec<String> {
    let mut named: Vec<String> = checklist
        .lines()
        .filter_map(|line| line.trim().strip_prefix("[✓] "))
        .filter_map(|rest| rest.split(" —— ").next())
        .map(str::to_owned)
        .collect();
    named.sort();
    named
}

fn pdftotext(pdf: &Path, layout: bool) -> String {
    let mut args = vec![];
    if layout {
        args.push("-layout");
    }
    let pdf = pdf.to_str().unwrap();
    args.extend([pdf, "-"]);
    let output = Command::new("pdftotext")
        .args(&args)
        .output()
        .expect("pdftotext (poppler-utils) is needed");
    assert!(output.status.success());
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn photo_source(folder: &DraftFolder, photo: &PhotoRef) -> PathBuf {
    folder.dir.join(&photo.file)
}

#[test]
fn a_package_of_three_holds_exactly_what_its_checklist_names() {
    let root = tempfile::tempdir().unwrap();
    let library = Library::at(&root.path().join("data"));
    let photos = root.path().join("camera");
    fs::create_dir_all(&photos).unwrap();
    let folders = three_candidates(&library, &photos);
    let loaded = candidates(&folders);
    let references: Vec<&Candidate> = loaded.iter().collect();
    let (definition, campaign) = common::pair("xinxiang-2023");
    let out = root.path().join("out");
    let packed = pack(
        &references,
        definition,
        campaign,
        &out,
        &PackOptions::default(),
    )
    .unwrap();

    // Named as the notice asks: 最美科技工作者+推荐单位, folder and zip.
    let name = packed
        .folder
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert_eq!(name, "最美科技工作者+新乡市农学会");
    assert_eq!(
        packed.zip.as_deref(),
        Some(out.join("最美科技工作者+新乡市农学会.zip").as_path())
    );

    // The checklist names every file of the folder, and only those.
    let checklist_bytes = fs::read(packed.folder.join(CHECKLIST_FILE)).unwrap();
    assert_eq!(&checklist_bytes[..3], b"\xEF\xBB\xBF", "BOM for Notepad");
    let checklist = String::from_utf8(checklist_bytes[3..].to_vec()).unwrap();
    let named_sorted = files_named_in(&checklist);
    assert_eq!(files_under(&packed.folder), named_sorted);
    let mut expected = vec![
        CHECKLIST_FILE.to_owned(),
        BATCH_FILE.to_owned(),
        "2023年新乡“最美科技工作者”候选人汇总表.pdf".to_owned(),
    ];
    for person in &PEOPLE {
        expected.push(format!("{}-推荐表.pdf", person.name));
        for n in 1..=3 {
            let extension = if person.name == "王五" && n == 3 {
                "png"
            } else {
                "jpg"
            };
            expected.push(format!("照片/{}{n}.{extension}", person.name));
        }
    }
    expected.sort();
    assert_eq!(named_sorted, expected);

    // Photos: the ID photo first, then the life photos, with the original bytes.
    for (folder, person) in folders.iter().zip(&PEOPLE) {
        let (draft, _): (Draft, _) = folder.load().unwrap();
        let mut originals = vec![draft.answers.photo("photo").unwrap().clone()];
        originals.extend(draft.answers.images("life_photos").iter().cloned());
        for (n, photo) in originals.iter().enumerate() {
            let extension = photo.file.rsplit('.').next().unwrap();
            let packed_photo =
                packed
                    .folder
                    .join(format!("照片/{}{}.{extension}", person.name, n + 1));
            assert_eq!(
                fs::read(&packed_photo).unwrap(),
                fs::read(photo_source(folder, photo)).unwrap(),
                "{}",
                packed_photo.display()
            );
        }
    }

    // What the notice asks and the package cannot fix is reported, not converted.
    let problems = packed.contents.problems.join("\n");
    assert!(
        problems.contains("王五：照片王五3.png是png格式"),
        "{problems}"
    );
    assert!(
        problems.contains("王五：照片王五1.jpg只有"),
        "sample ID photo is small: {problems}"
    );
    assert!(checklist.contains("报送前还需处理"));
    assert!(
        checklist.contains("推荐工作情况报告"),
        "manual material listed"
    );
    assert!(checklist.contains("xxkxzzrsb@163.com"));
    assert!(checklist.contains("每人纸质2份，共6份"), "{checklist}");

    // The 汇总表: one row per candidate, every column from the drafts.
    let summary = pdftotext(
        &packed
            .folder
            .join("2023年新乡“最美科技工作者”候选人汇总表.pdf"),
        true,
    );
    for (index, person) in PEOPLE.iter().enumerate() {
        let row = summary
            .lines()
            .map(squeeze)
            .find(|line| line.contains(person.name))
            .unwrap_or_else(|| panic!("{} not in the summary:\n{summary}", person.name));
        let birth = format!("{}年{}月", &person.birth[..4], &person.birth[5..]);
        for cell in [
            (index + 1).to_string().as_str(),
            person.gender,
            person.ethnicity,
            person.party,
            &birth,
            &format!("{}，{}", person.unit, person.title),
            person.specialty,
            person.honours,
            person.note,
        ] {
            assert!(row.contains(cell), "{cell} missing from {row}");
        }
    }

    // The combined PDF: every form, each from an odd page.
    let combined = squeeze(&pdftotext(&packed.folder.join(BATCH_FILE), false));
    for person in &PEOPLE {
        assert!(combined.contains(person.name));
    }

    // The zip holds the same files under the folder's name.
    let zip = zip::ZipArchive::new(fs::File::open(packed.zip.as_ref().unwrap()).unwrap()).unwrap();
    let mut in_zip: Vec<String> = zip
        .file_names()
        .map(|n| n.strip_prefix(&format!("{name}/")).unwrap().to_owned())
        .collect();
    in_zip.sort();
    assert_eq!(in_zip, named_sorted);

    // A second package never overwrites the first.
    let again = pack(
        &references,
        definition,
        campaign,
        &out,
        &PackOptions::default(),
    )
    .unwrap();
    assert_ne!(again.folder, packed.folder);
    assert!(packed.folder.join(CHECKLIST_FILE).is_file());
}

#[test]
fn the_combined_print_pdf_starts_every_form_on_an_odd_page() {
    let root = tempfile::tempdir().unwrap();
    let library = Library::at(root.path());
    let photos = root.path().join("camera");
    fs::create_dir_all(&photos).unwrap();
    let folders = three_candidates(&library, &photos);
    let loaded = candidates(&folders);
    let references: Vec<&Candidate> = loaded.iter().collect();
    let (definition, campaign) = common::pair("xinxiang-2023");
    let batch = export_batch(&references, definition, campaign, ComposeOptions::default()).unwrap();
    assert_eq!(batch.starts.len(), 3);
    assert_eq!(batch.starts[0].1, 1);
    for (name, start) in &batch.starts {
        assert_eq!(start % 2, 1, "{name} starts on page {start}");
    }
    let pdf = root.path().join("batch.pdf");
    fs::write(&pdf, &batch.pdf).unwrap();
    let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout).into_owned();
    let pages: usize = info
        .lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0);
    assert_eq!(pages, batch.pages, "{info}");
    // Three forms of 7 pages: 7 + blank, 7 + blank, 7.
    assert_eq!(batch.pages, 23);
    // The page before each later form's start is its predecessor's last page or a blank one.
    let text = pdftotext(&pdf, false);
    let pages: Vec<&str> = text.split('\u{c}').collect();
    // In the order chosen, however the forms were spread over the cores.
    let chosen: Vec<&str> = PEOPLE.iter().map(|person| person.name).collect();
    let started: Vec<&str> = batch.starts.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(started, chosen);
    for (name, start) in &batch.starts {
        let cover = squeeze(pages[start - 1]);
        assert!(cover.contains("推荐表"), "{name}'s first page is its cover");
        assert!(cover.contains(name.as_str()), "{name}'s cover names them");
    }
}

#[test]
fn the_youth_figure_follows_the_birth_dates() {
    let root = tempfile::tempdir().unwrap();
    let library = Library::at(root.path());
    let photos = root.path().join("camera");
    fs::create_dir_all(&photos).unwrap();
    let folders = three_candidates(&library, &photos);
    // 衡水 2024: 45岁以下 at least 20 %, ages on 2024-04-10.
    let (definition, campaign) = common::pair("hengshui-2024");
    let loaded: Vec<Candidate> = folders
        .iter()
        .map(|folder| {
            let (mut draft, _) = folder.load().unwrap();
            draft.campaign = campaign.id.clone();
            Candidate::new(folder.clone(), draft, definition, campaign)
        })
        .collect();
    let ages: Vec<Option<i32>> = loaded.iter().map(|c| c.age).collect();
    // 1985-03 → 39, 1970-11 → 53, 1968-07 → 55.
    assert_eq!(ages, vec![Some(39), Some(53), Some(55)]);
    let all: Vec<&Candidate> = loaded.iter().collect();
    let figure = youth_figure(campaign, &all).unwrap();
    assert_eq!((figure.young, figure.counted), (1, 3));
    assert_eq!(figure.meets_rule(), Some(true));
    assert!(
        figure.describe().contains("45岁以下1人，共3人，占33%"),
        "{}",
        figure.describe()
    );
    let older: Vec<&Candidate> = loaded[1..].iter().collect();
    let figure = youth_figure(campaign, &older).unwrap();
    assert_eq!(figure.meets_rule(), Some(false));
    assert!(
        figure.describe().contains("未达到"),
        "{}",
        figure.describe()
    );
}

#[test]
fn a_draft_travels_as_a_zip_between_two_data_folders() {
    let root = tempfile::tempdir().unwrap();
    let candidate_pc = Library::at(&root.path().join("candidate"));
    let secretary_pc = Library::at(&root.path().join("secretary"));
    let photos = root.path().join("camera");
    fs::create_dir_all(&photos).unwrap();
    let folder = three_candidates(&candidate_pc, &photos).remove(0);
    let (draft, _) = folder.load().unwrap();
    let bytes = write_exchange(&folder, &draft).unwrap();
    assert_eq!(exchange_file_name(&draft), "张三-推荐材料.zip");

    let catalog = common::catalog();
    let incoming = read_exchange("张三-推荐材料.zip", &bytes).unwrap();
    let ImportOutcome::Imported(imported) =
        import_draft(&secretary_pc, catalog, incoming, ImportChoice::Ask).unwrap()
    else {
        panic!("first import has nothing to conflict with");
    };
    let (mut copy, _) = imported.load().unwrap();
    // Photos arrive under fresh names of our own, with the same bytes.
    let pairs: Vec<(String, String)> = copy
        .answers
        .photo_files()
        .iter()
        .zip(draft.answers.photo_files())
        .map(|((_, new), (_, old))| (new.file.clone(), old.file.clone()))
        .collect();
    assert_eq!(
        pairs.len(),
        6,
        "ID photo, three certificates, two life photos"
    );
    for (new, old) in &pairs {
        assert_eq!(
            fs::read(imported.dir.join(new)).unwrap(),
            fs::read(folder.dir.join(old)).unwrap()
        );
    }
    for (photo, (_, old)) in copy.answers.photo_files_mut().into_iter().zip(&pairs) {
        photo.file = old.clone();
    }
    assert_eq!(copy.answers, draft.answers);

    // The same candidate again: asked, nothing written.
    let again = || read_exchange("张三-推荐材料.zip", &bytes).unwrap();
    let before = secretary_pc.list(catalog).len();
    match import_draft(&secretary_pc, catalog, again(), ImportChoice::Ask).unwrap() {
        ImportOutcome::Conflict(existing) => {
            assert_eq!(existing.len(), 1);
            assert_eq!(existing[0].folder, imported);
        }
        other => panic!("expected a question, got {other:?}"),
    }
    assert_eq!(secretary_pc.list(catalog).len(), before);
    // Keep both, then replace: the replaced one goes to the recycle folder.
    let ImportOutcome::Imported(_) =
        import_draft(&secretary_pc, catalog, again(), ImportChoice::KeepBoth).unwrap()
    else {
        panic!("keep both imports");
    };
    assert_eq!(secretary_pc.list(catalog).len(), before + 1);
    let ImportOutcome::Replaced { trashed, .. } =
        import_draft(&secretary_pc, catalog, again(), ImportChoice::Replace).unwrap()
    else {
        panic!("replace replaces");
    };
    assert!(trashed.join("draft.json").is_file());
    assert_eq!(secretary_pc.list(catalog).len(), before + 1);
}

#[test]
fn damaged_or_foreign_zips_are_refused_with_a_reason() {
    let root = tempfile::tempdir().unwrap();
    let library = Library::at(root.path());
    let folder = tianbiao::draft::sample::create_sample(&library).unwrap();
    let (draft, _) = folder.load().unwrap();
    let bytes = write_exchange(&folder, &draft).unwrap();

    let truncated = read_exchange("a.zip", &bytes[..bytes.len() / 2]).unwrap_err();
    assert!(
        matches!(truncated, PackageError::NotAZip { .. }),
        "{truncated}"
    );
    assert!(truncated.to_string().contains("重新导出"));

    let not_zip = read_exchange("b.zip", "这不是压缩包".as_bytes()).unwrap_err();
    assert!(matches!(not_zip, PackageError::NotAZip { .. }));

    let foreign = zip_of(&[("readme.txt", b"hello".as_slice())]);
    let error = read_exchange("c.zip", &foreign).unwrap_err();
    assert!(matches!(error, PackageError::Foreign { .. }), "{error}");
    assert!(error.to_string().contains("没有 draft.json"));

    // A draft whose photo is missing, or which points outside its folder.
    let json = serde_json::to_vec(&draft).unwrap();
    let error = read_exchange("d.zip", &zip_of(&[("draft.json", &json)])).unwrap_err();
    assert!(matches!(error, PackageError::Incomplete { .. }), "{error}");
    let mut escaping = draft.clone();
    let mut photo = escaping.answers.photo("photo").unwrap().clone();
    photo.file = "../../etc/passwd".into();
    escaping.answers.set_photo("photo", photo);
    let json = serde_json::to_vec(&escaping).unwrap();
    let error = read_exchange(
        "e.zip",
        &zip_of(&[("draft.json", &json), ("../../etc/passwd", b"x")]),
    )
    .unwrap_err();
    assert!(matches!(error, PackageError::Incomplete { .. }), "{error}");

    // A folder zipped by hand (one level down) is accepted.
    let mut entries = vec![(
        "张三/draft.json".to_owned(),
        serde_json::to_vec(&draft).unwrap(),
    )];
    for (_, photo) in draft.answers.photo_files() {
        entries.push((
            format!("张三/{}", photo.file),
            fs::read(folder.dir.join(&photo.file)).unwrap(),
        ));
    }
    let borrowed: Vec<(&str, &[u8])> = entries
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let incoming = read_exchange("f.zip", &zip_of(&borrowed)).unwrap();
    assert_eq!(
        incoming.draft.answers.text("main_deeds"),
        draft.answers.text("main_deeds")
    );
    assert_eq!(incoming.files.len(), 4);

    // Names from another PC are never used as paths: a photo called `backups` (which would
    // block every later save) or `CON.jpg` arrives as photo-N.jpg, and a file that is not an
    // image is refused.
    let mut hostile = draft.clone();
    let mut photo = hostile.answers.photo("photo").unwrap().clone();
    photo.file = "backups".into();
    hostile.answers.set_photo("photo", photo);
    let photo_bytes = fs::read(folder.dir.join("photo-1.jpg")).unwrap();
    let mut entries = vec![(
        "draft.json".to_owned(),
        serde_json::to_vec(&hostile).unwrap(),
    )];
    entries.push(("backups".to_owned(), photo_bytes));
    for (_, photo) in hostile.answers.photo_files() {
        if photo.file != "backups" {
            entries.push((
                photo.file.clone(),
                fs::read(folder.dir.join(&photo.file)).unwrap(),
            ));
        }
    }
    let borrowed: Vec<(&str, &[u8])> = entries
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let incoming = read_exchange("g.zip", &zip_of(&borrowed)).unwrap();
    let names: Vec<&str> = incoming.files.iter().map(|(n, _)| n.as_str()).collect();
    assert!(
        names
            .iter()
            .all(|n| n.starts_with("photo-") && n.ends_with(".jpg")),
        "{names:?}"
    );
    let mut lying = draft.clone();
    let mut photo = lying.answers.photo("photo").unwrap().clone();
    photo.file = "notes.jpg".into();
    lying.answers.set_photo("photo", photo);
    lying.answers.set_images("evidence", Vec::new());
    let json = serde_json::to_vec(&lying).unwrap();
    let error = read_exchange(
        "h.zip",
        &zip_of(&[("draft.json", &json), ("notes.jpg", b"hello")]),
    )
    .unwrap_err();
    assert!(matches!(error, PackageError::Incomplete { .. }), "{error}");
    assert!(error.to_string().contains("notes.jpg 无法使用"), "{error}");
}

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn a_beijing_package_holds_the_word_copies_the_notice_asks_for() {
    let root = tempfile::tempdir().unwrap();
    let library = Library::at(&root.path().join("data"));
    let folder = tianbiao::draft::sample::create_sample(&library).unwrap();
    let (definition, campaign) = common::pair("beijing-2022");
    let (mut draft, _) = folder.load().unwrap();
    draft.campaign = campaign.id.clone();
    folder.save(&mut draft).unwrap();
    let candidate = Candidate::new(folder.clone(), draft, definition, campaign);
    let out = root.path().join("out");
    let packed = pack(
        &[&candidate],
        definition,
        campaign,
        &out,
        &PackOptions::default(),
    )
    .unwrap();
    let checklist = fs::read_to_string(packed.folder.join(CHECKLIST_FILE)).unwrap();
    let named_sorted = files_named_in(&checklist);
    assert_eq!(files_under(&packed.folder), named_sorted);
    assert!(named_sorted.contains(&"郜穗宁-推荐表.docx".to_owned()));
    let docx = fs::read(packed.folder.join("郜穗宁-推荐表.docx")).unwrap();
    assert_eq!(&docx[..2], b"PK", "a .docx is a zip");
    // What the app cannot make is on the list to add by hand.
    for manual in [
        "PDF带章扫描版",
        "视频",
        "推荐工作情况报告",
        "学习宣传活动开展情况表",
    ] {
        assert!(checklist.contains(manual), "{manual}");
    }
    assert!(checklist.contains("光盘或U盘"));
}

#[test]
fn two_candidates_of_one_name_get_files_of_their_own_readable_only_by_the_owner() {
    let root = tempfile::tempdir().unwrap();
    let library = Library::at(&root.path().join("data"));
    let (definition, campaign) = common::pair("xinxiang-2023");
    let loaded: Vec<Candidate> = (0..2)
        .map(|_| {
            let folder = tianbiao::draft::sample::create_sample(&library).unwrap();
            let (mut draft, _) = folder.load().unwrap();
            draft.answers.set_text("name", "张三");
            folder.save(&mut draft).unwrap();
            Candidate::new(folder, draft, definition, campaign)
        })
        .collect();
    let references: Vec<&Candidate> = loaded.iter().collect();
    let out = root.path().join("out");
    let packed = pack(
        &references,
        definition,
        campaign,
        &out,
        &PackOptions::default(),
    )
    .unwrap();
    let files = files_under(&packed.folder);
    for expected in [
        "张三-推荐表.pdf",
        "张三（2）-推荐表.pdf",
        "照片/张三1.jpg",
        "照片/张三（2）1.jpg",
    ] {
        assert!(
            files.contains(&expected.to_owned()),
            "{expected}: {files:?}"
        );
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for file in &files {
            let mode = fs::metadata(packed.folder.join(file))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o077, 0, "{file} is {mode:o}");
        }
        let zip = packed.zip.as_ref().unwrap();
        assert_eq!(fs::metadata(zip).unwrap().permissions().mode() & 0o077, 0);
    }
}
