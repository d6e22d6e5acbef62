//! The live preview: the pages exactly as the PDF will print them, painted from the same page
//! model the PDF writer uses (not a rendered PDF), recomposed shortly after edits, zoomable.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use eframe::egui::{self, Color32, FontId, Pos2, Rect, Shape, Stroke, Ui, Vec2, text::LayoutJob};

use super::editor::Editor;
use super::thumbnails::Thumb;
use crate::form::campaign::Campaign;
use crate::form::definition::FormDefinition;
use crate::form::units::MM_PER_PT;
use crate::pdf::compose::{ComposeOptions, Context, compose, image_targets};
use crate::pdf::layout::{Color, Document, EncodedImage, Item, Page};

/// Recompose this long after the last edit (typing is not slowed by layout).
const SETTLE: Duration = Duration::from_millis(400);

pub struct Preview {
    document: Option<Document>,
    edited_at: Option<Instant>,
    /// Which photo file each placed image is (the layout holds only the image), and the part
    /// of its thumbnail that prints (the crop, in 0–1 texture coordinates).
    files: HashMap<usize, (String, Rect)>,
    pub zoom: f32,
    pub error: Option<String>,
}

impl Default for Preview {
    fn default() -> Self {
        Preview {
            document: None,
            edited_at: None,
            files: HashMap::new(),
            zoom: 1.0,
            error: None,
        }
    }
}

impl Preview {
    pub fn edited(&mut self) {
        self.edited_at = Some(Instant::now());
    }

    pub fn pages(&self) -> usize {
        self.document.as_ref().map_or(0, |d| d.pages.len())
    }

    fn recompose(&mut self, editor: &Editor, definition: &FormDefinition, campaign: &Campaign) {
        let font = match crate::pdf::export::font() {
            Ok(font) => font,
            Err(error) => return self.error = Some(error.to_string()),
        };
        // Layout needs only the boxes: stand-in images; the screen shows thumbnails instead.
        let mut images = HashMap::new();
        self.files.clear();
        let photos = editor.draft.answers.photo_files();
        for target in image_targets(definition, campaign, &editor.draft.answers) {
            let stand_in = Arc::new(EncodedImage {
                jpeg: Vec::new(),
                width_px: target.width_px,
                height_px: target.height_px,
                components: 3,
            });
            let upright = photos
                .iter()
                .find(|(_, photo)| photo.file == target.file)
                .map(|(_, photo)| photo.upright_size());
            let uv = match (target.crop, upright) {
                (Some(crop), Some((w, h))) if w > 0 && h > 0 => {
                    let (w, h) = (w as f32, h as f32);
                    Rect::from_min_max(
                        Pos2::new(crop.x as f32 / w, crop.y as f32 / h),
                        Pos2::new(
                            (crop.x + crop.width) as f32 / w,
                            (crop.y + crop.height) as f32 / h,
                        ),
                    )
                }
                _ => Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0)),
            };
            let key = Arc::as_ptr(&stand_in) as usize;
            self.files.insert(key, (target.file.clone(), uv));
            images.insert(target.file, stand_in);
        }
        let context = Context {
            definition,
            campaign,
            answers: &editor.draft.answers,
            images: &images,
            measure: font,
            options: ComposeOptions::default(),
        };
        self.document = Some(compose(&context));
        self.edited_at = None;
        self.error = None;
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        editor: &mut Editor,
        definition: &FormDefinition,
        campaign: &Campaign,
    ) {
        let settled = self.edited_at.is_some_and(|at| at.elapsed() >= SETTLE);
        if self.document.is_none() || settled {
            self.recompose(editor, definition, campaign);
        } else if self.edited_at.is_some() {
            ui.ctx().request_repaint_after(SETTLE);
        }
        ui.horizontal(|ui| {
            ui.strong("打印预览");
            ui.label(format!("共{}页", self.pages()));
            ui.add(egui::Slider::new(&mut self.zoom, 0.5..=2.0).text("缩放"));
        });
        if let Some(error) = &self.error {
            ui.colored_label(super::theme::ERROR, error.as_str());
        }
        let Some(document) = &self.document else {
            return;
        };
        let width = ui.available_width() - 16.0;
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for (index, page) in document.pages.iter().enumerate() {
                    let scale = width / page.width_mm * self.zoom;
                    let (rect, _) = ui.allocate_exact_size(
                        Vec2::new(page.width_mm * scale, page.height_mm * scale),
                        egui::Sense::hover(),
                    );
                    paint_page(ui, page, rect, scale, editor, &self.files);
                    ui.label(egui::RichText::new(format!("第{}页", index + 1)).small());
                    ui.add_space(8.0);
                }
            });
    }
}

fn color(c: Color) -> Color32 {
    let channel = |v: f32| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
    Color32::from_rgb(channel(c.r), channel(c.g), channel(c.b))
}

fn paint_page(
    ui: &Ui,
    page: &Page,
    rect: Rect,
    scale: f32,
    editor: &mut Editor,
    files: &HashMap<usize, (String, Rect)>,
) {
    let ascent_em = crate::pdf::export::font().map_or(1.15, |font| font.ascent_em());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, Color32::WHITE);
    let at = |(x, y): (f32, f32)| rect.min + Vec2::new(x * scale, y * scale);
    let pt = |points: f32| (points * MM_PER_PT * scale).max(0.5);
    for item in &page.items {
        match item {
            Item::Text(run) => {
                let size = run.size_pt * MM_PER_PT * scale;
                let mut job = LayoutJob::default();
                let format = egui::TextFormat {
                    font_id: FontId::proportional(size),
                    color: color(run.color),
                    extra_letter_spacing: run.letter_spacing_pt * MM_PER_PT * scale,
                    ..Default::default()
                };
                job.append(&run.text, 0.0, format);
                let galley = ui.fonts_mut(|fonts| fonts.layout_job(job));
                // egui places a line's baseline at the font's ascent below the galley's top.
                let top = at((run.x_mm, run.baseline_mm)) - Vec2::new(0.0, ascent_em * size);
                painter.galley(top, galley, color(run.color));
            }
            Item::Line(line) => {
                let points = [at(line.from_mm), at(line.to_mm)];
                let stroke = Stroke::new(pt(line.width_pt), color(line.color));
                match line.dash_mm {
                    Some((dash, gap)) => painter.extend(Shape::dashed_line(
                        &points,
                        stroke,
                        dash * scale,
                        gap * scale,
                    )),
                    None => {
                        painter.line_segment(points, stroke);
                    }
                }
            }
            Item::Rect(r) => {
                let area = Rect::from_min_size(
                    at((r.x_mm, r.y_mm)),
                    Vec2::new(r.width_mm * scale, r.height_mm * scale),
                );
                if let Some(fill) = r.fill {
                    painter.rect_filled(area, 0.0, color(fill));
                }
                if let Some(width) = r.stroke_pt {
                    painter.rect_stroke(
                        area,
                        0.0,
                        Stroke::new(pt(width), color(r.color)),
                        egui::StrokeKind::Middle,
                    );
                }
            }
            Item::Circle(circle) => {
                let centre = at(circle.center_mm);
                let radius = circle.radius_mm * scale;
                let points: Vec<Pos2> = (0..=72)
                    .map(|i| {
                        let angle = i as f32 / 72.0 * std::f32::consts::TAU;
                        centre + Vec2::new(angle.cos(), angle.sin()) * radius
                    })
                    .collect();
                let stroke = Stroke::new(pt(circle.width_pt), color(circle.color));
                let (dash, gap) = circle.dash_mm.unwrap_or((1000.0, 0.0));
                painter.extend(Shape::dashed_line(
                    &points,
                    stroke,
                    dash * scale,
                    gap * scale,
                ));
            }
            Item::Image(image) => {
                let area = Rect::from_min_size(
                    at((image.x_mm, image.y_mm)),
                    Vec2::new(image.width_mm * scale, image.height_mm * scale),
                );
                let placed = files.get(&(Arc::as_ptr(&image.image) as usize));
                let thumb = placed.map(|(file, uv)| {
                    let path = editor.folder.dir.join(file);
                    (editor.thumbnails.get(ui.ctx(), &path), *uv)
                });
                match thumb {
                    Some((Thumb::Ready(texture), uv)) => {
                        painter.image(texture.id(), area, uv, Color32::WHITE);
                    }
                    _ => {
                        painter.rect_filled(area, 0.0, Color32::from_gray(225));
                    }
                }
            }
        }
    }
}
