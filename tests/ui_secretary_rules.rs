//! The secretary's screen follows the campaign file: the summary button is named as the notice
//! names the list (初选人名单), and each share rule is counted over the selection with how the
//! notice counts it.

mod common;

use common::pair;
use common::ui::app_at;
use egui_kittest::kittest::Queryable;
use serde_json::json;
use tianbiao::draft::Library;
use tianbiao::draft::sample::create_sample;
use tianbiao::ui::app::Screen;
use tianbiao::ui::dialogs::FixedDialogs;

#[test]
fn the_secretary_sees_the_list_name_and_the_share_rules() {
    let data = tempfile::tempdir().unwrap();
    let (_, base) = pair("hengshui-2019");
    let mut value = serde_json::to_value(base).unwrap();
    value["id"] = json!("share-2030");
    value["year"] = json!(2030);
    value["share_rules"] = json!([{
        "label": "企业科技工作者",
        "field": "work_unit",
        "any_of": ["公司"],
        "max_percent": 30,
        "text": "企业科技工作者不超过30%"
    }]);
    let campaigns = data.path().join("campaigns");
    std::fs::create_dir_all(&campaigns).unwrap();
    std::fs::write(campaigns.join("share-2030.json"), value.to_string()).unwrap();
    let library = Library::at(data.path());
    for (name, unit) in [("张三", "某某种业有限公司"), ("李四", "某市农业科学院")]
    {
        let folder = create_sample(&library).unwrap();
        let (mut draft, _) = folder.load().unwrap();
        draft.campaign = "share-2030".into();
        draft.answers.set_text("name", name);
        draft.answers.set_text("work_unit", unit);
        draft.title = String::new();
        folder.save(&mut draft).unwrap();
    }

    let mut harness = app_at(data.path(), FixedDialogs::default());
    harness.run();
    harness.get_by_label("推荐单位：汇总与报送…").click();
    harness.run();
    assert!(matches!(harness.state().screen, Screen::Secretary(_)));
    harness.get_by_label("生成初选人名单…");
    harness.get_by_label(
        "比例：企业科技工作者1人，共2人，占50%（通知要求不超过30%，不符合；通知未说明按推荐单位还是按全市计算；此处按所选人选计算，仅供参考）",
    );
    harness.get_by_label("张三").click();
    harness.run();
    harness.get_by_label(
        "比例：企业科技工作者0人，共1人，占0%（通知要求不超过30%，符合；通知未说明按推荐单位还是按全市计算；此处按所选人选计算，仅供参考）",
    );
}
