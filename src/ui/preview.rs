//! The live preview: the pages exactly as the PDF will print them, painted from the same page
//! model the PDF writer uses (not a rendered PDF), recomposed on a thread shortly after edits,
//! zoomable, and following the page of the field being edited.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use eframe::egui::{self, Color32, FontId, Pos2, Rect, Shape, Stroke, Ui, Vec2, text::LayoutJob};

use super::editor::Editor;
use super::task::{Polled, Task};
use super::thumbnails::Thumb;
use crate::form::answers::Answers;
use crate::form::campaign::Campaign;
use crate::form::definition::FormDefinition;
use crate::form::printed::image_targets;
use crate::form::units::MM_PER_PT;
use crate::pdf::compose::{ComposeInput, ComposeOptions, compose};
use crate::pdf::layout::{Color, Document, Item, Page};
use crate::photo::EncodedImage;

/// Recompose this long after the last edit (typing is not slowed by layout).
const SETTLE: Duration = Duration::from_millis(400);

/// A composed document with, for each placed image, which photo file it is and the part of its
/// thumbnail that prints (the crop, in 0–1 texture coordinates).
struct Composed {
    document: Document,
    files: HashMap<usize, (String, Rect)>,
}

pub struct Preview {
    document: Option<Document>,
    files: HashMap<usize, (String, Rect)>,
    edited_at: Option<Instant>,
    /// Composing runs on a thread so a long text never stalls typing.
    composing: Option<Task<Result<Composed, String>>>,
    /// The field and page last scrolled to, so the view follows the edit but not every frame.
    followed: Option<(String, usize)>,
    pub zoom: f32,
    pub error: Option<String>,
}

impl Default for Preview {
    fn default() -> Self {
        Preview {
            document: None,
            files: HashMap::new(),
            edited_at: None,
            composing: None,
            followed: None,
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

    /// Whether a recomposition is running or waiting for typing to settle.
    pub fn is_busy(&self) -> bool {
        self.composing.is_some() || self.edited_at.is_some()
    }

    fn start(
        &mut self,
        ctx: &egui::Context,
        editor: &Editor,
        definition: &FormDefinition,
        campaign: &Campaign,
    ) {
        let answers = editor.draft.answers.clone();
        let (definition, campaign) = (definition.clone(), campaign.clone());
        self.composing = Some(Task::spawn(ctx, move || {
            compose_preview(&definition, &campaign, &answers)
        }));
        self.edited_at = None;
    }

    fn receive(&mut self) {
        let Some(task) = &self.composing else {
            return;
        };
        let result = match task.poll() {
            Polled::Done(result) => result,
            Polled::Running => return,
            Polled::Crashed => Err("预览排版时程序出错。".to_owned()),
        };
        self.composing = None;
        match result {
            Ok(composed) => {
                self.document = Some(composed.document);
                self.files = composed.files;
                self.error = None;
            }
            Err(message) => self.error = Some(message),
        }
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        editor: &mut Editor,
        definition: &FormDefinition,
        campaign: &Campaign,
    ) {
        self.receive();
        let settled = self.edited_at.is_some_and(|at| at.elapsed() >= SETTLE);
        let never = self.document.is_none() && self.error.is_none();
        if self.composing.is_none() && (settled || never) {
            self.start(ui.ctx(), editor, definition, campaign);
        }
        if self.composing.is_some() {
            ui.ctx().request_repaint_after(Duration::from_millis(30));
        } else if self.edited_at.is_some() {
            ui.ctx().request_repaint_after(SETTLE);
        }
        ui.horizontal(|ui| {
            ui.strong("打印预览");
            ui.label(format!("共{}页", self.pages()));
            ui.add(egui::Slider::new(&mut self.zoom, 0.5..=2.0).text("缩放"));
            if self.composing.is_some() {
                ui.spinner();
            }
        });
        if let Some(error) = &self.error {
            ui.colored_label(super::theme::ERROR, error.as_str());
        }
        let Some(document) = &self.document else {
            return;
        };
        // Follow the field being edited: scroll once to its page when the field or its page
        // changes, then leave the scrolling to the user.
        let follow = editor
            .editing
            .as_ref()
            .and_then(|field| Some((field.clone(), document.page_of(field)?)))
            .filter(|target| self.followed.as_ref() != Some(target));
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
                    if follow.as_ref().is_some_and(|(_, page)| *page == index) {
                        ui.scroll_to_rect(rect, Some(egui::Align::TOP));
                    }
                    paint_page(ui, page, rect, scale, editor, &self.files);
                    ui.label(egui::RichText::new(format!("第{}页", index + 1)).small());
                    ui.add_space(8.0);
                }
            });
        if let Some(target) = follow {
            self.followed = Some(target);
        }
    }

    /// Whether any page shows this text (tests: whose pages are on screen).
    pub fn shows_text(&self, needle: &str) -> bool {
        self.document.as_ref().is_some_and(|document| {
            document
                .pages
                .iter()
                .flat_map(|page| &page.items)
                .any(|item| matches!(item, Item::Text(run) if run.text.contains(needle)))
        })
    }

    /// The page shown for the field being edited, once the preview has followed it.
    pub fn followed_page(&self) -> Option<usize> {
        self.followed.as_ref().map(|(_, page)| *page)
    }
}

/// Lays out the pages with stand-in images (the screen shows thumbnails instead of print data).
fn compose_preview(
    definition: &FormDefinition,
    campaign: &Campaign,
    answers: &Answers,
) -> Result<Composed, String> {
    let font = crate::pdf::export::font().map_err(|error| error.to_string())?;
    let mut images = HashMap::new();
    let mut files = HashMap::new();
    let photos = answers.photo_files();
    for target in image_targets(definition, campaign, answers) {
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
        files.insert(Arc::as_ptr(&stand_in) as usize, (target.file.clone(), uv));
        images.insert(target.file, stand_in);
    }
    let context = ComposeInput {
        definition,
        campaign,
        answers,
        images: &images,
        measure: font,
        options: ComposeOptions::default(),
    };
    Ok(Composed {
        document: compose(&context),
        files,
    })
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
                    let thumb = editor.thumbnails.get(ui.ctx(), &editor.folder.dir, file);
                    (thumb, *uv)
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
