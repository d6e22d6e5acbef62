//! Campaign files on disk: what the data folder's `campaigns/` holds (loaded or not, never
//! dropped), and the files people send each other (导入活动文件), whose bytes are checked.

use tianbiao::draft::Library;
use tianbiao::draft::campaign_files::{read_campaign_file, write_campaign};
use tianbiao::form::catalog::Catalog;

const XINXIANG: &str = include_str!("../assets/campaigns/xinxiang-2023.json");

fn builtin() -> Catalog {
    Catalog::builtin().unwrap()
}

#[test]
fn a_campaign_saved_by_notepad_in_gbk_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let text = XINXIANG.replace("\"id\": \"xinxiang-2023\"", "\"id\": \"gbk-2023\"");
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    let path = dir.path().join("活动.json");
    std::fs::write(&path, &bytes).unwrap();
    let campaign = read_campaign_file(&path, &builtin()).unwrap();
    assert_eq!(campaign.id, "gbk-2023");
    assert_eq!(campaign.city, "新乡");
}

#[test]
fn files_that_are_not_campaigns_say_what_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, Vec<u8>, &str); 5] = [
        (
            "表格.json",
            include_bytes!("../assets/forms/zuimei_tuijianbiao.json").to_vec(),
            "这是表格定义文件",
        ),
        ("列表.json", b"[1, 2, 3]".to_vec(), "内容不是一个活动"),
        ("空.json", b"{}".to_vec(), "缺少活动编号（id）"),
        (
            "图片.json",
            b"\xFF\xD8\xFF\xE0 not json".to_vec(),
            "内容不是 JSON 格式",
        ),
        (
            "大.json",
            vec![b' '; 3 * 1024 * 1024],
            "不是活动文件（活动文件只有几KB）",
        ),
    ];
    for (name, bytes, expected) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let message = read_campaign_file(&path, &builtin()).unwrap_err();
        assert!(message.contains(expected), "{name}: {message}");
    }
}

#[test]
fn the_data_folder_reports_each_file_and_a_written_campaign_loads_back() {
    let data = tempfile::tempdir().unwrap();
    let library = Library::at(data.path());
    let mut campaign = builtin().campaign("xinxiang-2023").unwrap().clone();
    campaign.id = "huixian-2023".into();
    campaign.city = "辉县".into();
    let path = library.new_campaign_path(&campaign.id);
    library.save_campaign(&path, &campaign).unwrap();
    std::fs::write(library.campaigns_dir().join("坏.json"), "{ \"id\": ").unwrap();

    let mut catalog = builtin();
    let files = library.load_campaign_files(&mut catalog);
    assert_eq!(files.len(), 2);
    let loaded: Vec<_> = files
        .iter()
        .filter_map(|f| f.loaded.as_ref().ok())
        .collect();
    assert_eq!(loaded, [&"huixian-2023".to_owned()]);
    let broken = files.iter().find(|f| f.loaded.is_err()).unwrap();
    assert!(broken.path.ends_with("坏.json"));
    assert_eq!(catalog.campaign("huixian-2023").unwrap().city, "辉县");
    assert!(!catalog.is_builtin("huixian-2023"));

    // A second campaign of the same id gets a file of its own, never the first one's.
    assert_ne!(library.new_campaign_path("huixian-2023"), path);
    // Moved to the recycle folder, not deleted.
    let trashed = library.trash_campaign(&path).unwrap();
    assert!(trashed.starts_with(library.trash_dir()));
    assert!(!path.exists());
    let mut catalog = builtin();
    library.load_campaign_files(&mut catalog);
    assert!(catalog.campaign("huixian-2023").is_none());
}

#[test]
fn an_exported_campaign_is_private_and_imports_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let campaign = builtin().campaign("hengshui-2024").unwrap().clone();
    let path = dir.path().join("导出 活动.json");
    write_campaign(&path, &campaign).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "readable only by its owner");
    }
    let read = read_campaign_file(&path, &builtin()).unwrap();
    assert_eq!(read, campaign);
}
