//! The forms and campaigns the app knows: the ones built into the binary, plus campaign files a
//! secretary adds to the data folder (next year's notice without a new build). Parsing and the
//! load-time checks live here; reading files is the caller's job (the engine does no I/O).

use thiserror::Error;

use super::campaign::Campaign;
use super::check::{check_campaign, check_definition};
use super::definition::FormDefinition;
use super::wording;

/// The built-in files: name (for messages) and content.
const BUILTIN_FORMS: &[(&str, &str)] = &[(
    "assets/forms/zuimei_tuijianbiao.json",
    include_str!("../../assets/forms/zuimei_tuijianbiao.json"),
)];

const BUILTIN_CAMPAIGNS: &[(&str, &str)] = &[
    (
        "assets/campaigns/hengshui-2019.json",
        include_str!("../../assets/campaigns/hengshui-2019.json"),
    ),
    (
        "assets/campaigns/xinxiang-2023.json",
        include_str!("../../assets/campaigns/xinxiang-2023.json"),
    ),
    (
        "assets/campaigns/hengshui-2024.json",
        include_str!("../../assets/campaigns/hengshui-2024.json"),
    ),
    (
        "assets/campaigns/chongqing-2021.json",
        include_str!("../../assets/campaigns/chongqing-2021.json"),
    ),
    (
        "assets/campaigns/beijing-2022.json",
        include_str!("../../assets/campaigns/beijing-2022.json"),
    ),
];

/// A definition or campaign that could not be loaded: the file, the place in it, and what is
/// wrong, in Chinese.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
#[error("{file}：{place}：{problem}")]
pub struct LoadError {
    pub file: String,
    pub place: String,
    pub problem: String,
}

impl LoadError {
    pub fn new(file: &str, place: impl Into<String>, problem: impl Into<String>) -> Self {
        LoadError {
            file: file.to_owned(),
            place: place.into(),
            problem: problem.into(),
        }
    }

    fn from_json(file: &str, error: &serde_json::Error) -> Self {
        let place = format!("第{}行第{}列", error.line(), error.column());
        let problem = format!("不是有效的定义文件（{error}）");
        LoadError::new(file, place, problem)
    }
}

pub fn parse_form(file: &str, text: &str) -> Result<FormDefinition, LoadError> {
    let definition: FormDefinition =
        serde_json::from_str(text).map_err(|error| LoadError::from_json(file, &error))?;
    check_definition(file, &definition)?;
    Ok(definition)
}

/// A campaign file's JSON, parsed but not yet checked against its form.
pub fn parse_campaign(file: &str, text: &str) -> Result<Campaign, LoadError> {
    serde_json::from_str(text).map_err(|error| LoadError::from_json(file, &error))
}

#[derive(Debug, Clone, Default)]
pub struct Catalog {
    /// The form definitions as shipped: templates that name no city and no year.
    pub forms: Vec<FormDefinition>,
    /// Newest first, as the 新建 dialog lists them.
    pub campaigns: Vec<Campaign>,
    /// Each campaign's form, worded with its facts (`wording::worded`), by campaign id.
    worded: Vec<(String, FormDefinition)>,
    /// Ids of the campaigns built into the binary: read-only in the campaign editor.
    builtin: Vec<String>,
}

impl Catalog {
    /// The forms and campaigns built into the binary. An error here is a bug in a shipped file,
    /// and a test loads them all.
    pub fn builtin() -> Result<Catalog, LoadError> {
        let forms = BUILTIN_FORMS
            .iter()
            .map(|(file, text)| parse_form(file, text))
            .collect::<Result<Vec<_>, _>>()?;
        let mut catalog = Catalog {
            forms,
            ..Catalog::default()
        };
        for (file, text) in BUILTIN_CAMPAIGNS {
            let id = catalog.add_campaign(file, text)?.id.clone();
            catalog.builtin.push(id);
        }
        Ok(catalog)
    }

    /// Parses, checks and adds a campaign; a campaign with the id of one already known replaces
    /// it (a corrected notice file wins over the built-in one).
    pub fn add_campaign(&mut self, file: &str, text: &str) -> Result<&Campaign, LoadError> {
        let campaign = parse_campaign(file, text)?;
        self.insert_campaign(file, campaign)
    }

    /// The checks a campaign file passes on loading, for a campaign made in the editor.
    pub fn check(&self, file: &str, campaign: &Campaign) -> Result<(), LoadError> {
        let mut campaign = campaign.clone();
        campaign.photo.id_photo.resolve_size();
        self.checked_form(file, &campaign).map(|_| ())
    }

    /// The form a campaign (its photo size resolved) prints, once the campaign passes the load
    /// checks against it.
    fn checked_form(&self, file: &str, campaign: &Campaign) -> Result<&FormDefinition, LoadError> {
        let definition = self.form(&campaign.form).ok_or_else(|| {
            LoadError::new(file, "form", format!("找不到表格定义“{}”", campaign.form))
        })?;
        check_campaign(file, campaign, definition)?;
        Ok(definition)
    }

    /// Checks and adds a campaign already parsed (see `add_campaign`).
    fn insert_campaign(
        &mut self,
        file: &str,
        mut campaign: Campaign,
    ) -> Result<&Campaign, LoadError> {
        campaign.photo.id_photo.resolve_size();
        let worded = wording::worded(self.checked_form(file, &campaign)?, &campaign);
        let id = campaign.id.clone();
        self.campaigns.retain(|known| known.id != id);
        self.worded.retain(|(known, _)| *known != id);
        // A file of the user's with a built-in id replaces that campaign: it is theirs to edit.
        self.builtin.retain(|known| *known != id);
        self.worded.push((id.clone(), worded));
        self.campaigns.push(campaign);
        self.campaigns
            .sort_by(|a, b| b.year.cmp(&a.year).then_with(|| a.id.cmp(&b.id)));
        self.campaign(&id)
            .ok_or_else(|| LoadError::new(file, "id", "加入后找不到该活动"))
    }

    pub fn form(&self, id: &str) -> Option<&FormDefinition> {
        self.forms.iter().find(|form| form.id == id)
    }

    /// Whether a campaign is built into the binary (and not replaced by a file of the user's).
    pub fn is_builtin(&self, id: &str) -> bool {
        self.builtin.iter().any(|known| known == id)
    }

    /// The campaigns as built into the binary, before any file of the user's replaced one.
    pub fn builtin_campaign(id: &str) -> Option<Campaign> {
        BUILTIN_CAMPAIGNS
            .iter()
            .filter_map(|(file, text)| parse_campaign(file, text).ok())
            .find(|campaign| campaign.id == id)
    }

    pub fn campaign(&self, id: &str) -> Option<&Campaign> {
        self.campaigns.iter().find(|campaign| campaign.id == id)
    }

    /// A campaign's name in a list: its form's title, with its id where another campaign has
    /// the same title (a copy not yet retitled).
    pub fn list_name(&self, campaign: &Campaign) -> String {
        let same = (self.campaigns.iter())
            .filter(|other| other.form_title == campaign.form_title)
            .count();
        if same > 1 {
            format!("{}（{}）", campaign.form_title, campaign.id)
        } else {
            campaign.form_title.clone()
        }
    }

    /// A campaign and the form it prints, worded with the campaign's facts, together, as most
    /// callers need both.
    pub fn pair(&self, campaign_id: &str) -> Option<(&FormDefinition, &Campaign)> {
        let campaign = self.campaign(campaign_id)?;
        let (_, form) = self.worded.iter().find(|(id, _)| id == campaign_id)?;
        Some((form, campaign))
    }
}
