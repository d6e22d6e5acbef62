//! The steps 基本 (the notice and its titles), 时间 (deadlines and stages) and 表格 (which form,
//! word limits, stories, the notice's own 填表说明, where the 佐证材料 go).

use eframe::egui::{self, RichText, Ui};

use super::sheet::Sheet;
use crate::form::campaign::{Campaign, CountRange, EvidencePlacement, EvidenceRules};
use crate::form::campaign_rules::DeadlineStage;
use crate::form::catalog::Catalog;
use crate::form::limit::{LimitMode, WordLimit};
use crate::ui::theme;

pub fn basic_ui(
    ui: &mut Ui,
    sheet: &mut Sheet,
    campaign: &mut Campaign,
    catalog: &Catalog,
    is_new: bool,
) {
    if is_new {
        let hint = "例如 xinxiang-2025";
        sheet.text(ui, "活动编号", "id", &mut campaign.id, hint);
    } else {
        ui.label(format!(
            "活动编号：{}（草稿靠它找到活动，保存后不能再改）",
            campaign.id
        ));
    }
    sheet.text(ui, "城市", "city", &mut campaign.city, "例如 新乡");
    sheet.number(ui, "年份", "year", &mut campaign.year);
    sheet.text(
        ui,
        "通知标题",
        "notice_title",
        &mut campaign.notice_title,
        "",
    );
    let number = &mut campaign.document_number;
    sheet.optional(
        ui,
        "文号",
        "document_number",
        number,
        "例如 新科协〔2025〕5号",
    );
    let issued = &mut campaign.issued;
    sheet.optional(ui, "发文日期", "issued", issued, "例如 2025-03-20");
    let hint = "每行一个单位";
    sheet.lines(ui, "主办单位", "organisers", &mut campaign.organisers, hint);
    form_choice(ui, sheet, campaign, catalog);
    let hint = "例如 2025年新乡“最美科技工作者”推荐表";
    sheet.text(
        ui,
        "推荐表标题",
        "form_title",
        &mut campaign.form_title,
        hint,
    );
    let hint = "例如 2025年新乡“最美科技工作者”候选人汇总表";
    sheet.text(
        ui,
        "汇总表标题",
        "summary_title",
        &mut campaign.summary_title,
        hint,
    );
    let name = &mut campaign.summary_name;
    sheet.optional(
        ui,
        "汇总表简称",
        "summary_name",
        name,
        "通知不叫“汇总表”时填写",
    );
    let selection = &mut campaign.selection;
    sheet.optional(ui, "评选名额", "selection", selection, "例如 选树10名");
    let in_notice = &mut campaign.form_in_notice;
    sheet.check(ui, "通知附有推荐表（附件1）", in_notice);
}

/// The form definition the campaign prints (there is one today; a notice with its own form
/// gets a definition file of its own).
fn form_choice(ui: &mut Ui, sheet: &mut Sheet, campaign: &mut Campaign, catalog: &Catalog) {
    let shown = catalog
        .form(&campaign.form)
        .map_or(campaign.form.clone(), |form| form.title.clone());
    ui.horizontal(|ui| {
        let label = ui.add_sized([150.0, 20.0], egui::Label::new("表格"));
        egui::ComboBox::from_id_salt("form")
            .selected_text(shown)
            .width(420.0)
            .show_ui(ui, |ui| {
                for form in &catalog.forms {
                    let chosen =
                        ui.selectable_value(&mut campaign.form, form.id.clone(), &form.title);
                    sheet.changed |= chosen.changed();
                }
            })
            .response
            .labelled_by(label.id);
    });
}

pub fn time_ui(ui: &mut Ui, sheet: &mut Sheet, campaign: &mut Campaign) {
    let deadline = &mut campaign.deadline;
    sheet.text(
        ui,
        "截止日期",
        "deadline.date",
        &mut deadline.date,
        "例如 2025-04-30",
    );
    sheet.optional(
        ui,
        "截止时刻",
        "deadline.time",
        &mut deadline.time,
        "例如 17:30",
    );
    sheet.paragraph(ui, "截止时间原话", "deadline.text", &mut deadline.text);
    let reference = &mut campaign.reference_date;
    sheet.text(
        ui,
        "计算年龄的日期",
        "reference_date",
        reference,
        "一般同截止日期",
    );
    ui.add_space(6.0);
    ui.strong("分阶段报送（通知给出多个日期时）");
    let stages = &mut campaign.deadline.stages;
    sheet.list(
        ui,
        "添加阶段",
        stages,
        new_stage,
        |sheet, ui, i, stage| {
            let place = format!("deadline.stages[{i}]");
            let what = &mut stage.what;
            sheet.text(ui, "报送内容", &place, what, "例如 电子版材料");
            sheet.text(ui, "日期", &format!("{place}.date"), &mut stage.date, "");
            sheet.optional(ui, "时刻", &format!("{place}.time"), &mut stage.time, "");
            sheet.optional(ui, "原话", &format!("{place}.text"), &mut stage.text, "");
        },
    );
    ui.add_space(6.0);
    let before = &mut campaign.before_submission;
    let hint = "例如 推荐前须在本单位公示5个工作日";
    sheet.lines(ui, "报送前须完成", "before_submission", before, hint);
}

fn new_stage() -> DeadlineStage {
    DeadlineStage {
        what: String::new(),
        date: String::new(),
        time: None,
        text: None,
    }
}

pub fn form_ui(ui: &mut Ui, sheet: &mut Sheet, campaign: &mut Campaign, catalog: &Catalog) {
    ui.strong("字数要求");
    let defaults = (catalog.form(&campaign.form)).map(|form| form.word_limits.clone());
    for (field, default) in defaults.unwrap_or_default() {
        let label = (catalog.form(&campaign.form))
            .and_then(|form| form.field(&field))
            .map_or(field.clone(), |f| f.label.clone());
        let mut limit = campaign.word_limits.get(&field).cloned();
        let place = format!("word_limits.{field}");
        sheet.section(
            ui,
            &format!(
                "{label}：通知另定字数（不勾选则按表格：{}）",
                default.source
            ),
            &mut limit,
            || default.clone(),
            |sheet, ui, limit| limit_rows(sheet, ui, &place, limit),
        );
        match limit {
            Some(limit) => campaign.word_limits.insert(field, limit),
            None => campaign.word_limits.remove(&field),
        };
    }
    ui.add_space(6.0);
    let range = || CountRange { min: 1, max: 2 };
    sheet.section(
        ui,
        "通知规定了感人故事的个数",
        &mut campaign.stories,
        range,
        |sheet, ui, r| {
            sheet.number(ui, "至少（个）", "stories", &mut r.min);
            sheet.number(ui, "至多（个）", "stories", &mut r.max);
        },
    );
    let items = &mut campaign.instructions;
    sheet.section(
        ui,
        "通知附有自己的填表说明",
        items,
        Vec::new,
        |sheet, ui, items| {
            sheet.lines(ui, "填表说明（每行一条）", "instructions", items, "");
        },
    );
    ui.add_space(6.0);
    let evidence = &mut campaign.evidence;
    let make = || EvidenceRules {
        placement: EvidencePlacement::AfterForm,
        text: None,
    };
    sheet.section(
        ui,
        "通知说明了佐证材料的放法",
        evidence,
        make,
        |sheet, ui, rules| {
            let choices = [
                (EvidencePlacement::AfterForm, "附在推荐表之后"),
                (EvidencePlacement::Booklet, "单独成册（带封面）"),
                (EvidencePlacement::NotAsked, "通知不要佐证材料"),
            ];
            sheet.choice(ui, "放法", &mut rules.placement, &choices);
            sheet.optional(ui, "原话", "evidence.text", &mut rules.text, "");
        },
    );
    if campaign.evidence.is_none() {
        ui.label(RichText::new("未勾选：佐证材料附在推荐表之后。").color(theme::MUTED));
    }
}

fn limit_rows(sheet: &mut Sheet, ui: &mut Ui, place: &str, limit: &mut WordLimit) {
    let modes = [(LimitMode::About, "左右"), (LimitMode::AtMost, "以内")];
    sheet.choice(ui, "方式", &mut limit.mode, &modes);
    sheet.number(ui, "字数", place, &mut limit.words);
    if limit.mode == LimitMode::About {
        sheet.number(ui, "允许上下浮动（%）", place, &mut limit.band_percent);
    }
    sheet.text(
        ui,
        "原话",
        place,
        &mut limit.source,
        "例如 主要事迹1500字左右",
    );
}
