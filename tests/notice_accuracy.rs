//! Issue 12 item 3: the notice reader measured against the shipped campaign files, fact by fact,
//! for each seed notice. Prints the table (run with `--nocapture`): right / wrong / missed /
//! invented per seed and the overall share right.

use std::collections::BTreeMap;

use tianbiao::form::campaign::Campaign;
use tianbiao::form::notice::read_notice;

const SEEDS: [&str; 5] = [
    "hengshui-2019",
    "xinxiang-2023",
    "hengshui-2024",
    "chongqing-2021",
    "beijing-2022",
];

fn shipped(id: &str) -> Campaign {
    let path = format!("{}/assets/campaigns/{id}.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn notice(id: &str) -> String {
    let path = format!("{}/tests/notices/{id}.txt", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).unwrap()
}

/// The facts a campaign holds, by name; a fact the campaign does not state is absent.
fn facts(c: &Campaign) -> BTreeMap<String, String> {
    let mut f = BTreeMap::new();
    let mut put = |k: String, v: Option<String>| {
        if let Some(v) = v.filter(|v| !v.is_empty() && !v.starts_with("【通知未写明】")) {
            f.insert(k, v);
        }
    };
    put(
        "year".into(),
        Some(c.year.to_string()).filter(|y| y != "2000"),
    );
    put("city".into(), Some(c.city.clone()));
    put("notice_title".into(), Some(c.notice_title.clone()));
    put("document_number".into(), c.document_number.clone());
    put("issued".into(), c.issued.clone());
    put("form_title".into(), Some(c.form_title.clone()));
    put("summary_title".into(), Some(c.summary_title.clone()));
    for o in &c.organisers {
        put(format!("organiser {o}"), Some("yes".into()));
    }
    if !c.deadline.text.starts_with("【") {
        put("deadline.date".into(), Some(c.deadline.date.clone()));
        put("deadline.time".into(), c.deadline.time.clone());
    }
    let s = &c.submission;
    put("email".into(), s.email.clone());
    put("office".into(), Some(s.office.clone()));
    put("address".into(), s.address.clone());
    put("postcode".into(), s.postcode.clone());
    for name in &s.contacts {
        put(format!("contact {name}"), Some("yes".into()));
    }
    for phone in &s.phones {
        put(format!("phone {phone}"), Some("yes".into()));
    }
    for (field, limit) in &c.word_limits {
        put(
            format!("word_limit {field}"),
            Some(format!("{:?} {}", limit.mode, limit.words)),
        );
    }
    put("stories".into(), c.stories.map(|r| r.words("个")));
    let p = &c.photo;
    if !p.id_photo.size_source.contains('未') {
        put(
            "id_photo.size".into(),
            Some(format!("{}x{}", p.id_photo.width_mm, p.id_photo.height_mm)),
        );
    }
    put("id_photo.background".into(), p.id_photo.background.clone());
    put(
        "id_photo.colour".into(),
        p.id_photo.colour.then(|| "yes".into()),
    );
    put(
        "life_work_photos".into(),
        p.life_work_photos.map(|r| r.words("张")),
    );
    put("photo.format".into(), p.format.clone());
    put(
        "photo.min_file_bytes".into(),
        p.min_file_bytes.map(|b| b.to_string()),
    );
    put("photo.naming".into(), p.naming.clone());
    for copies in &c.paper_copies {
        put(
            format!("paper_copies {}", copies.material),
            Some(copies.copies.to_string()),
        );
    }
    for (i, q) in c.quotas.iter().enumerate() {
        put(
            format!("quota #{}", i + 1),
            Some(format!("{:?}-{}", q.min, q.max)),
        );
    }
    if let Some(y) = &c.youth_rule {
        put("youth.under_age".into(), Some(y.under_age.to_string()));
        put(
            "youth.min_percent".into(),
            y.min_percent.map(|p| p.to_string()),
        );
    }
    let e = &c.eligibility;
    put("official_level".into(), e.official_level.clone());
    put(
        "soldiers_excluded".into(),
        e.soldiers_excluded.then(|| "yes".into()),
    );
    put(
        "titles_excluded".into(),
        e.titles_excluded.as_ref().map(|_| "yes".into()),
    );
    put(
        "individual_application".into(),
        e.individual_application.map(|b| b.to_string()),
    );
    put(
        "born_after".into(),
        e.born_after.as_ref().map(|b| b.date.clone()),
    );
    put("package_name".into(), s.package_name.clone());
    put("media".into(), s.media.clone());
    put(
        "evidence".into(),
        (c.evidence.as_ref()).map(|rules| format!("{:?}", rules.placement)),
    );
    put(
        "form_in_notice".into(),
        c.form_in_notice.then(|| "yes".into()),
    );
    put(
        "before_submission".into(),
        (!c.before_submission.is_empty()).then(|| "yes".into()),
    );
    f
}

#[derive(Default)]
struct Score {
    right: usize,
    wrong: usize,
    missed: usize,
    invented: usize,
}

fn score(id: &str, details: &mut Vec<String>) -> Score {
    let expected = facts(&shipped(id));
    let read = facts(&read_notice(&notice(id)).campaign);
    let mut score = Score::default();
    for (name, value) in &expected {
        match read.get(name) {
            Some(v) if v == value => score.right += 1,
            Some(v) => {
                score.wrong += 1;
                details.push(format!("{id}\t错\t{name}\t应为 {value}\t读出 {v}"));
            }
            None => {
                score.missed += 1;
                details.push(format!("{id}\t漏\t{name}\t应为 {value}"));
            }
        }
    }
    for (name, value) in &read {
        if !expected.contains_key(name) {
            score.invented += 1;
            details.push(format!("{id}\t多\t{name}\t读出 {value}"));
        }
    }
    score
}

#[test]
fn accuracy_table() {
    let mut details = Vec::new();
    let mut total = Score::default();
    println!("| 通知 | 事实数 | 对 | 错 | 漏 | 多出（文件中没有） | 对的比例 |");
    println!("|---|---|---|---|---|---|---|");
    for id in SEEDS {
        let s = score(id, &mut details);
        let n = s.right + s.wrong + s.missed;
        println!(
            "| {id} | {n} | {} | {} | {} | {} | {:.0} % |",
            s.right,
            s.wrong,
            s.missed,
            s.invented,
            100.0 * s.right as f64 / n as f64
        );
        total.right += s.right;
        total.wrong += s.wrong;
        total.missed += s.missed;
        total.invented += s.invented;
    }
    let n = total.right + total.wrong + total.missed;
    let share = 100.0 * total.right as f64 / n as f64;
    println!(
        "| 合计 | {n} | {} | {} | {} | {} | {share:.1} % |",
        total.right, total.wrong, total.missed, total.invented
    );
    println!();
    for line in &details {
        println!("{line}");
    }
    assert!(share >= 90.0, "对的比例 {share:.1} % 低于 90 %");
    assert_eq!(total.invented, 0, "读出了发布文件中没有的内容");
}
