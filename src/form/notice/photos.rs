//! Photo rules (小2寸 / 2寸 / 1寸, background colour, jpg, 不小于N MB, 姓名+序号, N—M张生活或
//! 工作照片) and video rules (N—M分钟, formats, 1080p).

use super::scan::{clause_around, range_before};
use super::{Notes, Text};
use crate::form::campaign::{CountRange, IdPhoto, PhotoRules};
use crate::form::campaign_rules::{PhotoSize, VideoRules};

pub struct Photos {
    pub rules: PhotoRules,
    /// Whether the notice says anything of photos at all.
    pub asked: bool,
    pub id_photo_found: bool,
    pub video: Option<(VideoRules, String)>,
}

const CUTS: [char; 6] = ['，', '、', '；', '。', '（', '）'];

pub fn read(text: &Text, notes: &mut Notes) -> Photos {
    let mut size = None;
    let mut description = None;
    let mut background = None;
    let mut colour = false;
    let mut life_work = None;
    let mut format = None;
    let mut min_bytes = None;
    let mut naming = None;
    let mut words: Vec<String> = Vec::new();
    for sentence in &text.sentences {
        let photo =
            sentence.contains("照片") || sentence.contains("证件照") || sentence.contains("工作照");
        if !photo {
            continue;
        }
        let mut used = false;
        if size.is_none() {
            for (name, value) in [
                ("小2寸", PhotoSize::SmallTwoInch),
                ("小二寸", PhotoSize::SmallTwoInch),
                ("2寸", PhotoSize::TwoInch),
                ("二寸", PhotoSize::TwoInch),
                ("1寸", PhotoSize::OneInch),
                ("一寸", PhotoSize::OneInch),
            ] {
                if let Some(at) = sentence.find(name) {
                    notes.found("证件照尺寸", value.name(), sentence);
                    size = Some(value);
                    description =
                        Some(clause_around(sentence, at, &['，', '；', '。', '、']).to_owned());
                    used = true;
                    break;
                }
            }
        }
        if let Some(at) = sentence.find("证件照")
            && description.is_none()
        {
            description = Some(clause_around(sentence, at, &['，', '；', '。', '、']).to_owned());
            used = true;
        }
        if background.is_none() {
            for colour_word in ["白底", "蓝底", "红底", "白色背景", "蓝色背景", "红色背景"]
            {
                if sentence.contains(colour_word) {
                    notes.found("证件照背景", colour_word, sentence);
                    background = Some(colour_word.to_owned());
                    used = true;
                    break;
                }
            }
        }
        if !colour && sentence.contains("彩色") {
            notes.found("彩色照片", "是", sentence);
            colour = true;
            used = true;
        }
        if life_work.is_none() {
            for (at, _) in sentence.match_indices('张') {
                let clause = clause_around(sentence, at, &CUTS);
                let life = clause.contains("工作照")
                    || clause.contains("生活照")
                    || clause.contains("生活或工作");
                if !life || clause.contains("证件") {
                    continue;
                }
                if let Some((min, max, _)) = range_before(sentence, at) {
                    let range = CountRange { min, max };
                    notes.found("生活或工作照片", range.words("张"), sentence);
                    life_work = Some(range);
                    used = true;
                    break;
                }
            }
        }
        let lower = sentence.to_ascii_lowercase();
        if format.is_none()
            && (lower.contains("jpg") || lower.contains("jpeg"))
            && !sentence.contains("插入")
        {
            notes.found("照片格式", "jpg", sentence);
            format = Some("jpg".to_owned());
            used = true;
        }
        if min_bytes.is_none()
            && let Some(at) = lower.find("mb")
            && let Some(head) = lower.get(..at)
            && let Some((n, _)) = super::scan::number_before(head.trim_end(), head.trim_end().len())
            && (head.contains("不小于") || head.contains("不低于") || head.contains("以上"))
        {
            notes.found("照片大小", format!("不小于{n}MB"), sentence);
            min_bytes = Some(u64::from(n) * 1024 * 1024);
            used = true;
        }
        if naming.is_none() && sentence.contains("姓名+序号") {
            notes.found("照片命名", "姓名+序号", sentence);
            naming = Some("姓名+序号".to_owned());
            used = true;
        }
        if used {
            words.push(sentence.trim().to_owned());
        }
    }
    let asked = !words.is_empty();
    let id_photo_found = size.is_some() || description.is_some();
    let (width_mm, height_mm) = size.unwrap_or(PhotoSize::SmallTwoInch).mm();
    let size_source = match size {
        Some(s) => format!("通知只写“{}”，尺寸取常用规格", s.name()),
        None => "通知未写证件照尺寸，暂按推荐表模板的小2寸（35×45毫米）".to_owned(),
    };
    let rules = PhotoRules {
        id_photo: IdPhoto {
            description: description.unwrap_or_else(|| "证件照（通知未写要求）".to_owned()),
            size,
            width_mm,
            height_mm,
            size_source,
            asked: true,
            background,
            colour,
        },
        life_work_photos: life_work,
        format,
        min_file_bytes: min_bytes,
        naming,
        text: if asked {
            words.join("")
        } else {
            "通知未对照片作要求".to_owned()
        },
    };
    Photos {
        rules,
        asked,
        id_photo_found,
        video: video(text, notes),
    }
}

/// A video or 音像短片 with its length in minutes, formats and resolution.
fn video(text: &Text, notes: &mut Notes) -> Option<(VideoRules, String)> {
    let sentence = text
        .sentences
        .iter()
        .find(|s| s.contains("视频") || s.contains("短片"))?;
    let mut rules = VideoRules::default();
    if let Some(at) = sentence.find("分钟")
        && let Some((min, max, _)) = range_before(sentence, at)
    {
        rules.min_seconds = (min != max).then_some(min * 60);
        rules.max_seconds = Some(max * 60);
    }
    let upper = sentence.to_ascii_uppercase();
    for format in ["MP4", "MOV", "AVI", "WMV"] {
        if upper.contains(format) {
            rules.formats.push(format.to_owned());
        }
    }
    for resolution in ["1080P", "1920×1080", "1920*1080", "720P", "4K"] {
        if upper.contains(resolution) {
            rules
                .resolutions
                .push(resolution.to_lowercase().replace('*', "×"));
        }
    }
    if rules == VideoRules::default() {
        return None;
    }
    notes.found("视频要求", rules.describe(), sentence);
    Some((rules, sentence.clone()))
}
