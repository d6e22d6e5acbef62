//! Where a notice calls its list otherwise (衡水 2019: 初选人名单), the summary job, its PDF and
//! the package name it so, not 汇总表.

mod common;

use std::fs;

use tianbiao::draft::Library;
use tianbiao::jobs;
use tianbiao::package::checklist::CHECKLIST_FILE;
use tianbiao::package::pack::{PackOptions, pack};
use tianbiao::package::roster::Candidate;
use tianbiao::pdf::compose::ComposeOptions;

fn sample_of(library: &Library, campaign_id: &str) -> Candidate {
    let folder = tianbiao::draft::sample::create_sample(library).unwrap();
    let (definition, campaign) = common::pair(campaign_id);
    let (mut draft, _) = folder.load().unwrap();
    draft.campaign = campaign.id.clone();
    folder.save(&mut draft).unwrap();
    Candidate::new(folder, draft, definition, campaign)
}

#[test]
fn hengshui_2019_makes_an_initial_list() {
    let root = tempfile::tempdir().unwrap();
    let library = Library::at(&root.path().join("data"));
    let candidate = sample_of(&library, "hengshui-2019");
    let (definition, campaign) = common::pair("hengshui-2019");
    let output = root.path().join("list.pdf");
    let options = ComposeOptions {
        seal_guides: true,
        instructions: false,
    };
    let done = jobs::summary(&[&candidate], definition, campaign, options, &output).unwrap();
    let message = done.message();
    assert!(message.starts_with("已生成初选人名单（1人）"), "{message}");
    let text = common::pdftotext(&output, &[]);
    let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(squeezed.contains("初选人名单"), "{text}");
    assert!(!squeezed.contains("汇总表"), "{text}");

    let packed = pack(
        &[&candidate],
        definition,
        campaign,
        &root.path().join("out"),
        &PackOptions::default(),
    )
    .unwrap();
    let list = packed
        .folder
        .join("2019年度衡水市“最美科技工作者”初选人名单.pdf");
    assert!(
        list.is_file(),
        "{:?}",
        fs::read_dir(&packed.folder).unwrap().collect::<Vec<_>>()
    );
    let checklist = fs::read_to_string(packed.folder.join(CHECKLIST_FILE)).unwrap();
    let listed = checklist
        .split("通知未说明的事项")
        .next()
        .unwrap_or_default();
    assert!(!listed.contains("汇总表"), "{checklist}");
}

#[test]
fn other_campaigns_keep_the_summary_table() {
    let root = tempfile::tempdir().unwrap();
    let library = Library::at(&root.path().join("data"));
    let candidate = sample_of(&library, "xinxiang-2023");
    let (definition, campaign) = common::pair("xinxiang-2023");
    let output = root.path().join("summary.pdf");
    let options = ComposeOptions {
        seal_guides: true,
        instructions: false,
    };
    let done = jobs::summary(&[&candidate], definition, campaign, options, &output).unwrap();
    assert!(
        done.message().starts_with("已生成汇总表（1人）"),
        "{}",
        done.message()
    );
}
