//! The steps 照片 (the ID photo, life and work photos, format, size, naming) and 材料 (each
//! material: who prepares it, paper and electronic copies, seal, note, video rules).

use eframe::egui::{RichText, Ui};

use super::sheet::Sheet;
use crate::form::campaign::{Campaign, CountRange, Material, PaperCopies, Party, Producer};
use crate::form::campaign_rules::{PhotoSize, VideoRules};
use crate::ui::theme;

const MEGABYTE: u64 = 1024 * 1024;

pub fn photo_ui(ui: &mut Ui, sheet: &mut Sheet, campaign: &mut Campaign) {
    let photo = &mut campaign.photo;
    let id_photo = &mut photo.id_photo;
    sheet.check(ui, "通知要求证件照（推荐表照片栏）", &mut id_photo.asked);
    let place = "photo.id_photo";
    sheet.text(
        ui,
        "证件照要求",
        place,
        &mut id_photo.description,
        "例如 小2寸正面免冠彩色照片",
    );
    let mut size = id_photo.size;
    let sizes = [
        (None, "按下面的毫米数"),
        (Some(PhotoSize::SmallTwoInch), "小2寸（35×45毫米）"),
        (Some(PhotoSize::TwoInch), "2寸（35×49毫米）"),
        (Some(PhotoSize::OneInch), "1寸（25×35毫米）"),
    ];
    sheet.choice(ui, "尺寸", &mut size, &sizes);
    if size != id_photo.size {
        id_photo.size = size;
        if let Some(size) = size {
            (id_photo.width_mm, id_photo.height_mm) = size.mm();
        }
    }
    if id_photo.size.is_none() {
        sheet.number(ui, "宽（毫米）", place, &mut id_photo.width_mm);
        sheet.number(ui, "高（毫米）", place, &mut id_photo.height_mm);
    }
    let source = &mut id_photo.size_source;
    sheet.text(
        ui,
        "尺寸依据",
        place,
        source,
        "例如 通知写“小2寸”，按常用的35×45毫米",
    );
    let background = &mut id_photo.background;
    sheet.optional(
        ui,
        "背景颜色",
        "photo.id_photo.background",
        background,
        "例如 白底",
    );
    sheet.check(ui, "要求彩色照片", &mut id_photo.colour);
    ui.add_space(6.0);
    let range = || CountRange { min: 3, max: 5 };
    let life = &mut photo.life_work_photos;
    sheet.section(
        ui,
        "要生活或工作照片",
        life,
        range,
        |sheet, ui, range| {
            sheet.number(ui, "至少（张）", "photo.life_work_photos", &mut range.min);
            sheet.number(ui, "至多（张）", "photo.life_work_photos", &mut range.max);
        },
    );
    sheet.optional(
        ui,
        "文件格式",
        "photo.format",
        &mut photo.format,
        "例如 jpg",
    );
    let mut megabytes = photo.min_file_bytes.map(|bytes| bytes.div_ceil(MEGABYTE));
    let hint = "通知写“不小于2MB”就填2";
    sheet.optional_number(
        ui,
        "每张不小于（MB）",
        "photo.min_file_bytes",
        &mut megabytes,
        hint,
    );
    let bytes = megabytes.map(|mb| mb * MEGABYTE);
    // Only a change of the figure rewrites the bytes (a file may hold an odd number of bytes).
    if bytes.map(|b| b.div_ceil(MEGABYTE)) != photo.min_file_bytes.map(|b| b.div_ceil(MEGABYTE)) {
        photo.min_file_bytes = bytes;
    }
    sheet.optional(
        ui,
        "文件命名",
        "photo.naming",
        &mut photo.naming,
        "例如 姓名+序号",
    );
    sheet.paragraph(ui, "通知关于照片的原话", "photo.text", &mut photo.text);
}

pub fn materials_ui(ui: &mut Ui, sheet: &mut Sheet, campaign: &mut Campaign) {
    ui.label(
        RichText::new(
            "填表助手会生成的材料用约定编号：form 推荐表，summary 汇总表，word_copy Word版推荐表，evidence_book 佐证材料册；其余材料编号自拟（英文字母）。",
        )
        .color(theme::MUTED),
    );
    let mut copies = std::mem::take(&mut campaign.paper_copies);
    let materials = &mut campaign.materials;
    sheet.list(
        ui,
        "添加材料",
        materials,
        new_material,
        |sheet, ui, i, material| {
            material_rows(sheet, ui, i, material, &mut copies);
        },
    );
    campaign.paper_copies = copies;
}

fn new_material() -> Material {
    Material {
        paper: true,
        ..Material::new("", String::new(), Party::Candidate, Producer::Manual)
    }
}

fn material_rows(
    sheet: &mut Sheet,
    ui: &mut Ui,
    i: usize,
    material: &mut Material,
    copies: &mut Vec<PaperCopies>,
) {
    let place = format!("materials[{i}]");
    let old_id = material.id.clone();
    sheet.text(ui, "材料编号", &place, &mut material.id, "例如 integrity");
    // Its paper copies follow a renamed material.
    for entry in copies.iter_mut().filter(|c| c.material == old_id) {
        entry.material = material.id.clone();
    }
    sheet.text(
        ui,
        "名称",
        &place,
        &mut material.name,
        "照通知原文，例如《诚信承诺书》",
    );
    let parties = [
        (Party::Candidate, "候选人"),
        (Party::Recommender, "推荐单位"),
    ];
    sheet.choice(ui, "由谁准备", &mut material.by, &parties);
    let producers = [
        (Producer::App, "填表助手生成"),
        (Producer::Manual, "手写、盖章或另行制作"),
    ];
    sheet.choice(ui, "怎样制作", &mut material.produced_by, &producers);
    ui.horizontal(|ui| {
        sheet.check(ui, "纸质", &mut material.paper);
        sheet.check(ui, "电子版", &mut material.electronic);
        sheet.check(ui, "可选", &mut material.optional);
        sheet.check(ui, "合成一个PDF", &mut material.one_pdf);
    });
    if material.paper {
        paper_copies_row(sheet, ui, material, copies);
    }
    sheet.optional(ui, "盖章", &place, &mut material.stamp, "例如 推荐单位公章");
    sheet.optional(
        ui,
        "适用于",
        &place,
        &mut material.applies_to,
        "例如 仅限企业负责人",
    );
    let hint = "例如 {姓名}-佐证材料.pdf";
    sheet.optional(ui, "文件名", &place, &mut material.file_name, hint);
    sheet.optional(
        ui,
        "说明",
        &place,
        &mut material.note,
        "格式、份数等，照通知原文",
    );
    sheet.section(
        ui,
        "视频",
        &mut material.video,
        VideoRules::default,
        |sheet, ui, video| {
            sheet.lines(ui, "格式（每行一种）", &place, &mut video.formats, "MP4");
            sheet.optional_number(ui, "最短（秒）", &place, &mut video.min_seconds, "");
            sheet.optional_number(ui, "最长（秒）", &place, &mut video.max_seconds, "");
            sheet.lines(
                ui,
                "分辨率（每行一种）",
                &place,
                &mut video.resolutions,
                "1920×1080",
            );
        },
    );
}

/// The paper copies of a material live in the campaign's `paper_copies`, by material id.
fn paper_copies_row(
    sheet: &mut Sheet,
    ui: &mut Ui,
    material: &Material,
    copies: &mut Vec<PaperCopies>,
) {
    let index = copies.iter().position(|c| c.material == material.id);
    let mut count = index.and_then(|i| copies.get(i)).map_or(0, |c| c.copies);
    let place = index
        .map(|i| format!("paper_copies[{i}]"))
        .unwrap_or_default();
    sheet.number(ui, "纸质份数", &place, &mut count);
    match index {
        Some(i) => {
            if let Some(entry) = copies.get_mut(i) {
                entry.copies = count;
            }
        }
        None if count > 0 => copies.push(PaperCopies {
            material: material.id.clone(),
            copies: count,
        }),
        None => {}
    }
}
