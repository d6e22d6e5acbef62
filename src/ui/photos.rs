//! The photo and the evidence images: choose (dialog or drop), see them upright, move and size
//! the crop frame locked to the campaign's ratio, caption and order the evidence, and see how
//! many of the two pages they take.

use eframe::egui::{self, Color32, Pos2, Rect, RichText, Sense, Stroke, Ui, Vec2};

use super::command::AppCommand;
use super::editor::Editor;
use super::fields::FieldEnv;
use super::theme;
use super::thumbnails::Thumb;
use crate::form::answers::{Crop, PhotoRef};
use crate::form::campaign::IdPhoto;
use crate::form::definition::{Field, FieldKind};
use crate::form::printed::evidence_layout;
use crate::form::units::dpi_at;

const PHOTO_VIEW_HEIGHT: f32 = 300.0;

pub fn photo_ui(
    ui: &mut Ui,
    field: &Field,
    editor: &mut Editor,
    env: &FieldEnv,
    commands: &mut Vec<AppCommand>,
) -> Option<egui::Response> {
    let busy = editor.photo_job.is_some();
    let choose = ui
        .add_enabled(!busy, egui::Button::new("选择照片…"))
        .on_hover_text("也可以把照片文件拖到窗口上");
    if choose.clicked() {
        commands.push(AppCommand::PickPhoto(field.id.clone()));
    }
    adding_ui(ui, editor, &field.id);
    let Some(photo) = editor.draft.answers.photo(&field.id).cloned() else {
        ui.label(RichText::new("还没有照片。").color(theme::MUTED));
        return Some(choose);
    };
    let size = &env.campaign.photo.id_photo;
    let ratio = size.width_mm / size.height_mm;
    let ctx = ui.ctx().clone();
    match editor.thumbnails.get(&ctx, &editor.folder.dir, &photo.file) {
        Thumb::Loading => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("正在读取照片…");
            });
        }
        Thumb::Failed(message) => {
            ui.colored_label(theme::ERROR, message.as_str());
        }
        Thumb::Ready(texture) => {
            let texture = texture.clone();
            if let Some(crop) = crop_frame_ui(ui, &texture, &photo, ratio) {
                let mut updated = photo.clone();
                updated.crop = Some(crop);
                editor.draft.answers.set_photo(&field.id, updated);
                let mut changed = choose.clone();
                changed.mark_changed();
                return Some(changed);
            }
        }
    }
    let (width, height) = photo.printed_pixels();
    let crop = photo.crop_for(ratio);
    let dpi = dpi_at(crop.width, size.width_mm).min(dpi_at(crop.height, size.height_mm));
    ui.label(format!(
        "原图 {}×{} 像素，{} KB；裁切后 {}×{} 像素，打印约 {} dpi（{}×{} 毫米）",
        photo.width,
        photo.height,
        photo.bytes / 1024,
        crop.width.min(width),
        crop.height.min(height),
        dpi,
        size.width_mm,
        size.height_mm
    ));
    photo_rules_ui(ui, size);
    Some(choose)
}

/// What the notice asks of the ID photo: its size by name and the background, with a swatch of
/// the colour where the notice names one (白底/蓝底/红底).
fn photo_rules_ui(ui: &mut Ui, size: &IdPhoto) {
    if let Some(named) = size.size {
        ui.label(
            RichText::new(format!(
                "通知要求{}照片（{}×{}毫米），裁切框按这个比例。",
                named.name(),
                size.width_mm,
                size.height_mm
            ))
            .color(theme::MUTED),
        );
    }
    let Some(background) = &size.background else {
        return;
    };
    ui.horizontal(|ui| {
        if let Some(colour) = size.background_colour() {
            let [r, g, b] = colour.rgb();
            let (rect, _) = ui.allocate_exact_size(Vec2::splat(14.0), Sense::hover());
            ui.painter()
                .rect_filled(rect, 2.0, Color32::from_rgb(r, g, b));
            ui.painter().rect_stroke(
                rect,
                2.0,
                Stroke::new(1.0, theme::MUTED),
                egui::StrokeKind::Inside,
            );
        }
        ui.label(RichText::new(format!("通知要求背景：{background}")).color(theme::NEAR));
    });
}

/// The photo with its crop frame: drag to move, the slider to size. Returns a new crop.
fn crop_frame_ui(
    ui: &mut Ui,
    texture: &egui::TextureHandle,
    photo: &PhotoRef,
    ratio: f32,
) -> Option<Crop> {
    let (image_w, image_h) = photo.upright_size();
    let scale = (PHOTO_VIEW_HEIGHT / image_h as f32).min(ui.available_width() / image_w as f32);
    let view = Vec2::new(image_w as f32 * scale, image_h as f32 * scale);
    let (rect, response) = ui.allocate_exact_size(view, Sense::drag());
    ui.painter().image(
        texture.id(),
        rect,
        Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0)),
        Color32::WHITE,
    );
    let crop = photo.crop_for(ratio);
    let to_screen = |x: u32, y: u32| rect.min + Vec2::new(x as f32 * scale, y as f32 * scale);
    let frame = Rect::from_min_max(
        to_screen(crop.x, crop.y),
        to_screen(crop.x + crop.width, crop.y + crop.height),
    );
    // Darken what will be cut away.
    let shade = Color32::from_black_alpha(110);
    for part in [
        Rect::from_min_max(rect.min, Pos2::new(rect.max.x, frame.min.y)),
        Rect::from_min_max(Pos2::new(rect.min.x, frame.max.y), rect.max),
        Rect::from_min_max(
            Pos2::new(rect.min.x, frame.min.y),
            Pos2::new(frame.min.x, frame.max.y),
        ),
        Rect::from_min_max(
            Pos2::new(frame.max.x, frame.min.y),
            Pos2::new(rect.max.x, frame.max.y),
        ),
    ] {
        ui.painter().rect_filled(part, 0.0, shade);
    }
    ui.painter().rect_stroke(
        frame,
        0.0,
        Stroke::new(2.0, Color32::from_rgb(255, 200, 0)),
        egui::StrokeKind::Inside,
    );
    let mut moved = None;
    if response.dragged() {
        let delta = response.drag_delta() / scale;
        moved = Some(shift(crop, delta.x, delta.y, (image_w, image_h)));
    }
    let full = photo.crop_for(ratio);
    let mut percent = (crop.width as f32 / full.width.max(1) as f32 * 100.0).round();
    let slider = ui
        .horizontal(|ui| {
            let label = ui.label("裁切框大小（%）");
            ui.add(egui::Slider::new(&mut percent, 30.0..=100.0))
                .labelled_by(label.id)
        })
        .inner;
    if slider.changed() {
        let width = (full.width as f32 * percent / 100.0).round() as u32;
        let height = (width as f32 / ratio).round() as u32;
        let centre = (crop.x + crop.width / 2, crop.y + crop.height / 2);
        let sized = Crop {
            x: centre.0.saturating_sub(width / 2),
            y: centre.1.saturating_sub(height / 2),
            width,
            height,
        };
        moved = Some(shift(sized, 0.0, 0.0, (image_w, image_h)));
    }
    moved.filter(|new| *new != crop)
}

/// Moves a crop by (dx, dy) image pixels, kept inside the image.
fn shift(crop: Crop, dx: f32, dy: f32, image: (u32, u32)) -> Crop {
    let max_x = image.0.saturating_sub(crop.width) as f32;
    let max_y = image.1.saturating_sub(crop.height) as f32;
    Crop {
        x: (crop.x as f32 + dx).clamp(0.0, max_x).round() as u32,
        y: (crop.y as f32 + dy).clamp(0.0, max_y).round() as u32,
        width: crop.width.min(image.0),
        height: crop.height.min(image.1),
    }
}

/// How many images there are against what they may be: printed pages for 佐证材料, the
/// notice's count for photos handed in as files.
fn images_status(field: &Field, images: &[PhotoRef], env: &FieldEnv) -> (String, Color32) {
    if field.files_only {
        let asked = env.campaign.photo.life_work_photos;
        let text = match asked {
            Some(range) => format!("{}张照片（通知要求{}）", images.len(), range.words("张")),
            None => format!("{}张照片", images.len()),
        };
        let fits = asked.is_none_or(|r| (r.min..=r.max).contains(&(images.len() as u32)));
        return (text, if fits { theme::MUTED } else { theme::NEAR });
    }
    let max_pages = match field.kind {
        FieldKind::Images { max_pages } => max_pages.max(1),
        _ => 2,
    };
    let (pages, shown) = evidence_layout(images, max_pages, &env.definition.print.page);
    let color = if shown < images.len() {
        theme::ERROR
    } else {
        theme::MUTED
    };
    let text = format!(
        "{}张图片，打印占{}页（最多{}页）",
        images.len(),
        pages,
        max_pages
    );
    (text, color)
}

enum ImageAction {
    Up(usize),
    Down(usize),
    Remove(usize),
}

pub fn images_ui(
    ui: &mut Ui,
    field: &Field,
    editor: &mut Editor,
    env: &FieldEnv,
    commands: &mut Vec<AppCommand>,
) -> Option<egui::Response> {
    let busy = editor.photo_job.is_some();
    let add = ui.add_enabled(!busy, egui::Button::new("添加图片…"));
    if add.clicked() {
        commands.push(AppCommand::AddImages(field.id.clone()));
    }
    adding_ui(ui, editor, &field.id);
    let mut images = editor.draft.answers.images(&field.id).to_vec();
    if !images.is_empty() {
        let (text, color) = images_status(field, &images, env);
        ui.label(RichText::new(text).color(color));
    }
    let mut action = None;
    let mut changed = false;
    let ctx = ui.ctx().clone();
    let count = images.len();
    for (index, image) in images.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            match editor.thumbnails.get(&ctx, &editor.folder.dir, &image.file) {
                Thumb::Ready(texture) => {
                    ui.add(egui::Image::new(texture).max_size(Vec2::new(96.0, 72.0)));
                }
                Thumb::Loading => {
                    ui.spinner();
                }
                Thumb::Failed(message) => {
                    ui.colored_label(theme::ERROR, message.as_str());
                }
            }
            let caption = image.caption.get_or_insert_with(String::new);
            let hint = if field.files_only {
                "照片内容（可不填）"
            } else {
                "荣誉或奖励名称"
            };
            let label = ui.label(format!("第{}张说明", index + 1));
            if ui
                .add(
                    egui::TextEdit::singleline(caption)
                        .hint_text(hint)
                        .desired_width(240.0),
                )
                .labelled_by(label.id)
                .changed()
            {
                changed = true;
            }
            if ui.add_enabled(index > 0, egui::Button::new("↑")).clicked() {
                action = Some(ImageAction::Up(index));
            }
            if ui
                .add_enabled(index + 1 < count, egui::Button::new("↓"))
                .clicked()
            {
                action = Some(ImageAction::Down(index));
            }
            if ui.button("移除").clicked() {
                action = Some(ImageAction::Remove(index));
            }
        });
    }
    match action {
        Some(ImageAction::Up(i)) if i > 0 => images.swap(i, i - 1),
        Some(ImageAction::Down(i)) if i + 1 < images.len() => images.swap(i, i + 1),
        Some(ImageAction::Remove(i)) if i < images.len() => {
            images.remove(i);
        }
        _ if !changed => return Some(add),
        _ => {}
    }
    editor.draft.answers.set_images(&field.id, images);
    let mut response = add;
    response.mark_changed();
    Some(response)
}

/// A spinner while this field's photos are read and copied into the draft folder.
fn adding_ui(ui: &mut Ui, editor: &Editor, field: &str) {
    if editor
        .photo_job
        .as_ref()
        .is_some_and(|job| job.field == field)
    {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("正在读取并检查照片…");
        });
    }
}
