//! The steps 报送 (where and how the materials go, the contacts), 名额与条件 (quotas per channel,
//! the youth and share rules, who is excluded) and 通知未说明 (what the notice leaves open).

use eframe::egui::{self, RichText, Ui};

use super::sheet::Sheet;
use crate::form::campaign::{Campaign, Quota, YouthRule};
use crate::form::campaign_rules::{BornAfter, Condition, Scope, ShareRule};
use crate::form::catalog::Catalog;
use crate::ui::theme;

pub fn submission_ui(ui: &mut Ui, sheet: &mut Sheet, campaign: &mut Campaign) {
    let ids: Vec<String> = campaign.materials.iter().map(|m| m.id.clone()).collect();
    let s = &mut campaign.submission;
    sheet.text(
        ui,
        "接收部门",
        "submission.office",
        &mut s.office,
        "例如 市科协组织人事部",
    );
    sheet.optional(ui, "地址", "submission.address", &mut s.address, "");
    sheet.optional(ui, "邮编", "submission.postcode", &mut s.postcode, "");
    sheet.optional(ui, "电子邮箱", "submission.email", &mut s.email, "");
    let hint = "例如 最美科技工作者+推荐单位";
    sheet.optional(
        ui,
        "电子版压缩包名称",
        "submission.package_name",
        &mut s.package_name,
        hint,
    );
    ui.label(RichText::new("联系人和电话按行对应：第一行联系人配第一行电话。").color(theme::MUTED));
    sheet.lines(
        ui,
        "联系人（每行一位）",
        "submission.contacts",
        &mut s.contacts,
        "",
    );
    sheet.lines(
        ui,
        "电话（每行一个）",
        "submission.phones",
        &mut s.phones,
        "",
    );
    sheet.check(ui, "只报电子版（不交纸质材料）", &mut s.electronic_only);
    let hint = "例如 光盘或U盘";
    sheet.optional(
        ui,
        "照片、视频的报送方式",
        "submission.media",
        &mut s.media,
        hint,
    );
    if s.media.is_some() {
        ui.label("用这种方式报送的材料：");
        ui.horizontal_wrapped(|ui| {
            for id in &ids {
                let mut on = s.media_materials.contains(id);
                if ui.checkbox(&mut on, id.as_str()).changed() {
                    sheet.changed = true;
                    s.media_materials.retain(|known| known != id);
                    if on {
                        s.media_materials.push(id.clone());
                    }
                }
            }
        });
    }
}

pub fn rules_ui(ui: &mut Ui, sheet: &mut Sheet, campaign: &mut Campaign, catalog: &Catalog) {
    let fields: Vec<(String, String)> = (catalog.form(&campaign.form))
        .map(|form| {
            form.fields()
                .map(|f| (f.id.clone(), f.label.clone()))
                .collect()
        })
        .unwrap_or_default();
    ui.strong("各渠道推荐名额");
    sheet.list(
        ui,
        "添加名额",
        &mut campaign.quotas,
        new_quota,
        |sheet, ui, i, quota| {
            let place = format!("quotas[{i}]");
            sheet.text(
                ui,
                "推荐渠道",
                &place,
                &mut quota.channel,
                "例如 各县（市、区）科协",
            );
            sheet.optional_number(ui, "至少（名）", &place, &mut quota.min, "");
            sheet.number(ui, "至多（名）", &place, &mut quota.max);
        },
    );
    ui.add_space(6.0);
    let young = || YouthRule {
        under_age: 45,
        min_percent: None,
        scope: None,
    };
    sheet.section(
        ui,
        "青年比例要求",
        &mut campaign.youth_rule,
        young,
        |sheet, ui, rule| {
            sheet.number(ui, "多少岁以下（含）", "youth_rule", &mut rule.under_age);
            let hint = "只说“兼顾青年”时留空";
            sheet.optional_number(ui, "不少于（%）", "youth_rule", &mut rule.min_percent, hint);
            scope_choice(sheet, ui, &mut rule.scope);
        },
    );
    ui.add_space(6.0);
    ui.strong("其他比例要求（例如 企业科技工作者不超过30%）");
    let rules = &mut campaign.share_rules;
    sheet.list(
        ui,
        "添加比例要求",
        rules,
        new_share_rule,
        |sheet, ui, i, rule| {
            let place = format!("share_rules[{i}]");
            sheet.text(ui, "类别", &place, &mut rule.label, "例如 企业科技工作者");
            field_choice(sheet, ui, "按表格中的哪一项判断", &mut rule.field, &fields);
            let hint = "该项答案含这些词之一即属于此类";
            sheet.lines(ui, "判断用词（每行一个）", &place, &mut rule.any_of, hint);
            sheet.optional_number(ui, "不少于（%）", &place, &mut rule.min_percent, "");
            sheet.optional_number(ui, "不超过（%）", &place, &mut rule.max_percent, "");
            scope_choice(sheet, ui, &mut rule.scope);
            sheet.text(ui, "原话", &place, &mut rule.text, "");
        },
    );
    ui.add_space(6.0);
    eligibility_ui(ui, sheet, campaign, &fields);
}

fn eligibility_ui(
    ui: &mut Ui,
    sheet: &mut Sheet,
    campaign: &mut Campaign,
    fields: &[(String, String)],
) {
    ui.strong("推荐条件");
    let e = &mut campaign.eligibility;
    let hint = "每行一条，照通知原文";
    sheet.lines(
        ui,
        "不在推荐范围的人员",
        "eligibility.excluded",
        &mut e.excluded,
        hint,
    );
    sheet.check(ui, "排除现役军人", &mut e.soldiers_excluded);
    let hint = "例如 县处级";
    sheet.optional(
        ui,
        "排除公务员的级别",
        "eligibility.official_level",
        &mut e.official_level,
        hint,
    );
    let place = "eligibility.titles_excluded";
    sheet.optional(
        ui,
        "已获荣誉不再参评",
        place,
        &mut e.titles_excluded,
        "照通知原文",
    );
    let hint = "例如 最美科技工作者";
    sheet.lines(
        ui,
        "荣誉的关键词（每行一个）",
        "eligibility.title_words",
        &mut e.title_words,
        hint,
    );
    let choices = [
        (None, "通知未说明"),
        (Some(true), "可以"),
        (Some(false), "不可以"),
    ];
    sheet.choice(ui, "个人可否自荐", &mut e.individual_application, &choices);
    let born = || BornAfter {
        date: String::new(),
        text: String::new(),
    };
    sheet.section(
        ui,
        "按出生日期限制",
        &mut e.born_after,
        born,
        |sheet, ui, born| {
            let place = "eligibility.born_after.date";
            sheet.text(
                ui,
                "在此日期及以后出生",
                place,
                &mut born.date,
                "例如 1979-01-01",
            );
            sheet.text(ui, "原话", "eligibility.born_after", &mut born.text, "");
        },
    );
    let conditions = &mut e.conditions;
    sheet.list(
        ui,
        "添加其他条件",
        conditions,
        new_condition,
        |sheet, ui, i, condition| {
            let place = format!("eligibility.conditions[{i}]");
            field_choice(
                sheet,
                ui,
                "提示在表格中的哪一项",
                &mut condition.field,
                fields,
            );
            sheet.text(ui, "条件原话", &place, &mut condition.text, "");
        },
    );
}

pub fn silent_ui(ui: &mut Ui, sheet: &mut Sheet, campaign: &mut Campaign) {
    ui.label(
        RichText::new(
            "通知没有写明、填表助手按常规处理的事项，每行一句，让使用的人知道这不是通知的规定。",
        )
        .color(theme::MUTED),
    );
    let hint = "例如 通知未规定照片背景颜色";
    sheet.lines(ui, "通知未说明的事项", "silent", &mut campaign.silent, hint);
}

fn scope_choice(sheet: &mut Sheet, ui: &mut Ui, scope: &mut Option<Scope>) {
    let scopes = [
        (None, "通知未说明"),
        (Some(Scope::Unit), "每个推荐单位分别计算"),
        (Some(Scope::City), "全市合计"),
    ];
    sheet.choice(ui, "比例怎样计算", scope, &scopes);
}

/// One field of the form, by its label.
fn field_choice(
    sheet: &mut Sheet,
    ui: &mut Ui,
    label: &str,
    value: &mut String,
    fields: &[(String, String)],
) {
    let shown = (fields.iter())
        .find(|(id, _)| id == value)
        .map_or(value.clone(), |(_, name)| name.clone());
    ui.horizontal(|ui| {
        let label_response = ui.add_sized([150.0, 20.0], egui::Label::new(label));
        egui::ComboBox::from_id_salt((label, "field"))
            .selected_text(shown)
            .width(260.0)
            .show_ui(ui, |ui| {
                for (id, name) in fields {
                    sheet.changed |= ui.selectable_value(value, id.clone(), name).changed();
                }
            })
            .response
            .labelled_by(label_response.id);
    });
}

fn new_quota() -> Quota {
    Quota {
        channel: String::new(),
        min: None,
        max: 1,
    }
}

fn new_share_rule() -> ShareRule {
    ShareRule {
        label: String::new(),
        field: "work_unit".into(),
        any_of: Vec::new(),
        min_percent: None,
        max_percent: None,
        scope: None,
        text: String::new(),
    }
}

fn new_condition() -> Condition {
    Condition {
        field: "pro_title".into(),
        text: String::new(),
    }
}
