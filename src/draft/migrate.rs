//! Reading draft files of any schema this build knows: older ones are brought up to date step
//! by step, newer ones refused (their fields would be lost by an older build's save).
//!
//! Schema history:
//! - 0: the pre-release layout, without a `schema` number, with the answers under `fields` and
//!   dates as typed (2023.1).
//! - 1: `schema`, `answers`, dates normalized (YYYY-MM, YYYY-MM-DD), `title`, `saved_at`.

use serde_json::{Map, Value};

use super::SCHEMA;
use crate::form::dates::{Date, YearMonth};

pub enum Migrated {
    /// The draft as the current schema, and whether it was migrated from an older one.
    Current {
        value: Value,
        from: Option<u32>,
    },
    Newer(u32),
}

pub fn migrate(mut value: Value) -> Result<Migrated, String> {
    let Some(object) = value.as_object_mut() else {
        return Err("文件内容不是一个 JSON 对象".to_owned());
    };
    let schema = match object.get("schema") {
        None => 0,
        Some(number) => number
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| "schema 不是整数".to_owned())?,
    };
    if schema > SCHEMA {
        return Ok(Migrated::Newer(schema));
    }
    if schema == 0 {
        from_0_to_1(object);
    }
    let from = (schema < SCHEMA).then_some(schema);
    Ok(Migrated::Current { value, from })
}

fn from_0_to_1(object: &mut Map<String, Value>) {
    let mut answers = match object.remove("fields") {
        Some(Value::Object(fields)) => fields,
        _ => Map::new(),
    };
    // Dates were kept as typed; normalize those that parse, keep the rest for the user to fix.
    for (key, normalize) in [
        ("birth", normalize_year_month as fn(&str) -> Option<String>),
        ("fill_date", normalize_date),
    ] {
        if let Some(Value::String(text)) = answers.get_mut(key)
            && let Some(normalized) = normalize(text)
        {
            *text = normalized;
        }
    }
    if let Some(Value::Array(rows)) = answers.get_mut("history") {
        for row in rows.iter_mut().filter_map(Value::as_object_mut) {
            for key in ["start", "end"] {
                if let Some(Value::String(text)) = row.get_mut(key)
                    && let Some(normalized) = normalize_year_month(text)
                {
                    *text = normalized;
                }
            }
        }
    }
    object.insert("schema".to_owned(), Value::from(1));
    object.insert("answers".to_owned(), Value::Object(answers));
}

fn normalize_year_month(text: &str) -> Option<String> {
    YearMonth::parse(text).ok().map(|ym| ym.to_string())
}

fn normalize_date(text: &str) -> Option<String> {
    Date::parse(text).ok().map(|date| date.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn schema_0_moves_fields_and_normalizes_dates() {
        let old = json!({
            "form": "zuimei_tuijianbiao",
            "campaign": "xinxiang-2023",
            "fields": {
                "name": "林某",
                "birth": "1984.6",
                "fill_date": "2023年4月20日",
                "history": [{"start": "2002.9", "end": "至今", "what": "学习"}]
            }
        });
        let Ok(Migrated::Current { value, from }) = migrate(old) else {
            panic!("not migrated");
        };
        assert_eq!(from, Some(0));
        assert_eq!(value["schema"], 1);
        assert_eq!(value["answers"]["birth"], "1984-06");
        assert_eq!(value["answers"]["fill_date"], "2023-04-20");
        assert_eq!(value["answers"]["history"][0]["start"], "2002-09");
        assert_eq!(value["answers"]["history"][0]["end"], "至今");
        assert!(value.get("fields").is_none());
    }

    #[test]
    fn newer_schemas_are_refused() {
        assert!(matches!(
            migrate(json!({"schema": 99})),
            Ok(Migrated::Newer(99))
        ));
        assert!(migrate(json!([1, 2])).is_err());
        assert!(migrate(json!({"schema": "one"})).is_err());
    }
}
