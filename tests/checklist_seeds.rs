//! The checklist (材料清单) of each campaign names every material its notice asks for, the
//! deadline, where to send the e-mail and the paper, and how many copies of the 推荐表.
//!
//! The keywords come from the seed notices (`/work/shared/seeds/`), not from the campaign files:
//! each pair is (keyword, where in the seed), and the comment above it quotes the sentence. The
//! references are `file:line`: 000 = 衡水2019, 001 = 新乡2023, 002 = 衡水2024 (scanned text,
//! a sentence runs over several lines), 003 = 重庆2021, 004 = 北京2022.

use tianbiao::form::campaign::Campaign;
use tianbiao::form::catalog::Catalog;
use tianbiao::package::checklist::checklist_text;

/// What one notice asks for, as the checklist must show it.
struct Seed {
    campaign: &'static str,
    /// One keyword per material or fact, with the seed reference it comes from.
    keywords: &'static [(&'static str, &'static str)],
    /// The date words of the deadline (e.g. 4月10日).
    deadline: &'static str,
    /// The e-mail address for the electronic copies, where the notice gives one.
    email: Option<&'static str>,
    /// Paper copies of the 推荐表 (e.g. 2份).
    form_copies: &'static str,
}

fn campaign(id: &str) -> Campaign {
    let catalog = Catalog::builtin().expect("the built-in campaigns load");
    catalog
        .campaign(id)
        .unwrap_or_else(|| panic!("campaign {id} is built in"))
        .clone()
}

/// Asserts every keyword of the seed and every fact of the campaign file is in the checklist;
/// lists all that are missing at once.
fn check(seed: &Seed) {
    let campaign = campaign(seed.campaign);
    let text = checklist_text(&campaign);
    let mut missing: Vec<String> = Vec::new();
    let mut expect = |needle: &str, why: &str| {
        if !text.contains(needle) {
            missing.push(format!("“{needle}”（{why}）"));
        }
    };

    for (keyword, reference) in seed.keywords {
        expect(keyword, reference);
    }

    // The seed's own deadline, e-mail and copies; the campaign file must agree with them.
    assert!(
        campaign.deadline.text.contains(seed.deadline),
        "{}: deadline.text “{}” does not say {}",
        seed.campaign,
        campaign.deadline.text,
        seed.deadline
    );
    expect(seed.deadline, "报送期限");
    assert_eq!(
        campaign.submission.email.as_deref(),
        seed.email,
        "{}: submission.email",
        seed.campaign
    );
    if let Some(email) = seed.email {
        expect(email, "电子邮箱");
    }
    let form_copies = campaign
        .paper_copies
        .iter()
        .find(|c| c.material == "form")
        .map(|c| format!("{}份", c.copies));
    assert_eq!(
        form_copies.as_deref(),
        Some(seed.form_copies),
        "{}: paper copies of the 推荐表",
        seed.campaign
    );
    expect(seed.form_copies, "推荐表纸质份数");

    // Everything the campaign file says about copies and sending is shown too.
    for copies in &campaign.paper_copies {
        let why = format!("paper_copies.{}", copies.material);
        expect(&format!("{}份", copies.copies), &why);
    }
    let submission = &campaign.submission;
    expect(&submission.office, "submission.office");
    for (value, field) in [
        (&submission.address, "submission.address"),
        (&submission.postcode, "submission.postcode"),
        (&submission.media, "submission.media"),
        (&submission.package_name, "submission.package_name"),
    ] {
        if let Some(value) = value {
            expect(value, field);
        }
    }
    for contact in &submission.contacts {
        expect(contact, "submission.contacts");
    }
    for phone in &submission.phones {
        expect(phone, "submission.phones");
    }

    // Every material by its name as the campaign file gives it (with or without 《》).
    let plain = |s: &str| s.replace(['《', '》'], "");
    let plain_text = plain(&text);
    for material in &campaign.materials {
        if !plain_text.contains(&plain(&material.name)) {
            let id = &material.id;
            missing.push(format!("材料“{}”（materials.{id}）", material.name));
        }
    }

    assert!(
        missing.is_empty(),
        "{} 的材料清单缺少：\n{}\n--- 清单全文 ---\n{text}",
        seed.campaign,
        missing.join("\n")
    );
}

#[test]
fn hengshui_2019() {
    check(&Seed {
        campaign: "hengshui-2019",
        keywords: &[
            // 四、1．（1）《2019年度衡水市“最美科技工作者”推荐表》（电子版可登陆“衡水科普网”，
            // 在“通知公告”栏下载）
            ("推荐表", "000:49"),
            // （2）3000字以内主要事迹文字材料（突出故事性）
            ("主要事迹文字材料", "000:49"),
            ("3000字", "000:49"),
            // （3）本人近期工作照原图3张、白底标准证件照原图1张（报电子版即可）
            ("工作照", "000:49"),
            ("证件照", "000:49"),
            ("白底", "000:49"),
            ("原图", "000:49"),
            // （4）有条件的可拍摄3—5分钟的音像短片（高清摄像机固定机位拍摄，输出格式为高清格式
            // 1080p）或借助新媒体平台制作成动漫、微视频、H5、VR、图说等形式。
            ("音像短片", "000:49"),
            ("1080p", "000:49"),
            // 经县科协、市学会、高校科协、企业科协审核确认和公示无异议后将初选人名单报市科协。
            ("初选人名单", "000:33"),
            // 请各单位于5月1日前将以上有关纸质材料（3份，加盖公章）和电子版报市科协组宣部。
            ("公章", "000:51"),
            ("电子版", "000:51"),
            ("市科协组宣部", "000:51"),
            // 联系人：郭玉梅
            ("郭玉梅", "000:53"),
            // 电  话：5265809
            ("5265809", "000:55"),
        ],
        // 请各单位于5月1日前将以上有关纸质材料（3份，加盖公章）和电子版报市科协组宣部。
        deadline: "5月1日",
        // 邮  箱：hskxzxb@163.com
        email: Some("hskxzxb@163.com"),
        // 纸质材料（3份，加盖公章）
        form_copies: "3份",
    });
}

#[test]
fn xinxiang_2023() {
    check(&Seed {
        campaign: "xinxiang-2023",
        keywords: &[
            // 电子版材料包括：《2023年新乡“最美科技工作者”推荐表》《2023年新乡“最美科技工作者”
            // 候选人汇总表》（推荐表和汇总表可从新乡市科协网站www.xxkp.org.cn下载）
            ("推荐表", "001:31"),
            ("候选人汇总表", "001:31"),
            // 推荐人选正面免冠彩色照片（小2寸），体现先进事迹的生活或工作照片3—5张，照片请提供
            // jpg格式，不小于2MB，用姓名+序号作为照片名。
            ("正面免冠彩色照片", "001:31"),
            ("小2寸", "001:31"),
            ("生活或工作照片", "001:31"),
            ("jpg", "001:31"),
            ("2MB", "001:31"),
            ("姓名+序号", "001:31"),
            // 推荐单位将所有材料打包用“最美科技工作者+推荐单位”作为文件名，发送至市科协组织
            // 人事部邮箱
            ("最美科技工作者+推荐单位", "001:31"),
            // 反映推荐单位组织申报遴选推荐过程简要情况的《推荐工作情况报告》1份，均须加盖推荐
            // 单位公章。
            ("推荐工作情况报告", "001:33"),
            ("推荐单位公章", "001:33"),
            // 附件1：佐证材料（……佐证材料最多提供两页，装订在推荐表之后）
            ("佐证材料", "001:194"),
            // 于4月30日前报送市科协组织人事部
            ("市科协组织人事部", "001:33"),
            // 联 系 人：市科协组织人事部  郭明帅  胡 敏
            ("郭明帅", "001:58"),
            // 联系电话：3661806
            ("3661806", "001:59"),
            // 邮寄地址：新乡市人民东路691号市科协组织人事部
            ("新乡市人民东路691号", "001:60"),
            // 邮政编码：450000
            ("450000", "001:61"),
        ],
        // 纸质材料与电子版材料须保持一致，于4月30日前报送市科协组织人事部
        deadline: "4月30日",
        // 发送至市科协组织人事部邮箱（xxkxzzrsb＠163.com）：the seed has a full-width ＠, the
        // campaign file the usable ASCII @.
        email: Some("xxkxzzrsb@163.com"),
        // 《2023年新乡“最美科技工作者”推荐表》原件2份
        form_copies: "2份",
    });
}

#[test]
fn hengshui_2024() {
    check(&Seed {
        campaign: "hengshui-2024",
        keywords: &[
            // 候选人需填写提交：1. 《2024年衡水市“最美科技工作者”推荐表》一式2份；
            ("推荐表", "002:211-219"),
            // 2. 《衡水市“最美科技工作者”诚信承诺书》；
            ("诚信承诺书", "002:221-227"),
            // 3. 相关佐证材料，统一封面，单独成册。
            ("佐证材料", "002:229"),
            ("单独成册", "002:229"),
            // 推荐单位需填写提交：1. 《衡水市“最美科技工作者”诚信推荐承诺书》；
            ("诚信推荐承诺书", "002:231-239"),
            // 2. 《2024年衡水市“最美科技工作者”推荐人选汇总表》。
            ("推荐人选汇总表", "002:241-247"),
            // 请各推荐单位于4月10日前，将纸质版推荐表（附件1) 2份，附件2、3、4及佐证材料各1份
            // 报送市科协组宣部；附件l和附件4电子版发送电子邮箱。
            ("市科协组宣部", "002:249-251"),
            ("电子版", "002:251-253"),
            // 联系人：杨辉 杨琪
            ("杨辉", "002:310"),
            ("杨琪", "002:310"),
            // 电 话：0318-5265809
            ("0318-5265809", "002:312"),
            // 地 址：衡水市新华西路468号衡水市科协组宣部
            ("衡水市新华西路468号", "002:314"),
        ],
        // 请各推荐单位于4月10日前，将纸质版推荐表（附件1) 2份……
        deadline: "4月10日",
        // 由F 夺育：hskxdxb@163.com (OCR of 电子邮箱; the 2019 notice of the same office has
        // hskxzxb@163.com, the campaign file keeps what this seed says)
        email: Some("hskxdxb@163.com"),
        // 将纸质版推荐表（附件1) 2份
        form_copies: "2份",
    });
}

#[test]
fn chongqing_2021() {
    check(&Seed {
        campaign: "chongqing-2021",
        keywords: &[
            // 推荐材料要客观、准确、完整，包括：推荐工作情况报告1份，须加盖推荐单位公章；
            ("推荐工作情况报告", "003:27"),
            ("推荐单位公章", "003:27"),
            // 《2021年重庆市“最美科技工作者”推荐表》（附件1）原件2份；
            ("推荐表", "003:27"),
            // 《2021年重庆市“最美科技工作者”推荐人选汇总表》（附件2）1份；
            ("推荐人选汇总表", "003:27"),
            // 推荐人选小2寸正面免冠彩色照片，及体现先进事迹的生活或工作照片3—5张；照片请提供
            // jpg格式，不小于2MB，用姓名+序号作为照片名。
            ("小2寸", "003:27"),
            ("生活或工作照片", "003:27"),
            ("jpg", "003:27"),
            ("2MB", "003:27"),
            ("姓名+序号", "003:27"),
            // 同时将纸质材料报送至市科协宣传部（地址：重庆市渝中区双钢路科协大厦裙楼318办公室）。
            ("市科协宣传部", "003:26"),
            ("双钢路科协大厦裙楼318办公室", "003:26"),
            // 市科协宣传部联系人：熊蔓源；联系电话：63003526
            ("熊蔓源", "003:49"),
            ("63003526", "003:49"),
        ],
        // 5月28日前，各区县（需征求相关联合主办单位意见）、各学会、各企事业单位报送候选人推荐
        // 材料电子版至邮箱834396688@qq.com，同时将纸质材料报送至市科协宣传部
        deadline: "5月28日",
        email: Some("834396688@qq.com"),
        // 《2021年重庆市“最美科技工作者”推荐表》（附件1）原件2份
        form_copies: "2份",
    });
}

#[test]
fn beijing_2022() {
    check(&Seed {
        campaign: "beijing-2022",
        keywords: &[
            // 推荐材料要客观、准确、完整，包括：推荐工作情况报告1份，须加盖推荐单位公章；
            ("推荐工作情况报告", "004:15"),
            // 《2022年北京“最美科技工作者”推荐人选汇总表》1份；
            ("推荐人选汇总表", "004:15"),
            // 《北京“最美科技工作者”学习宣传活动开展情况表》1份；
            ("学习宣传活动开展情况表", "004:15"),
            // 《2022年北京“最美科技工作者”推荐表》1份（表中“推荐单位意见”处须加盖推荐单位公章）；
            ("推荐表", "004:15"),
            ("推荐单位意见", "004:15"),
            // 推荐人选小2寸正面免冠彩色照片，及体现先进事迹的生活或工作照片3—5张；
            ("小2寸", "004:15"),
            ("生活或工作照片", "004:15"),
            // 推荐材料电子版请提供Word版和PDF带章扫描版各一套，照片请提供jpg格式，不小于2MB，
            // 用姓名+序号作为照片名。
            ("Word", "004:15"),
            ("PDF带章扫描版", "004:15"),
            ("jpg", "004:15"),
            ("2MB", "004:15"),
            ("姓名+序号", "004:15"),
            // 体现推荐人选工作生活的视频（MP4或MOV格式）1个，请发“最美科技工作者”活动办公室
            // 邮箱（zmkjgzz_bast@163.com），要求时长在3分钟以内，……分辨率为横版1920*1080或
            // 竖版1080*1920。
            ("视频", "004:15"),
            ("MP4", "004:15"),
            ("3分钟", "004:15"),
            ("1920*1080", "004:15"),
            // 包括《2022年北京“最美科技工作者”推荐表》原件2份，……推荐工作情况报告1份，以上均
            // 须加盖推荐单位公章。推荐人照片和视频请以光盘或U盘方式随纸质材料一并报送。
            ("推荐单位公章", "004:16"),
            ("光盘或U盘", "004:16"),
            // 于4月20日前报送北京“最美科技工作者”活动办公室（地址：北京市朝阳区育慧里4号北京市
            // 科学技术协会720室）
            ("活动办公室", "004:16"),
            ("北京市朝阳区育慧里4号", "004:16"),
            // 联 系  人：北京科普发展与研究中心，王慧、马文轩，010—84617697
            ("王慧", "004:30"),
            ("马文轩", "004:30"),
            ("84617697", "004:30"),
            // 北京市科协调宣部，刘倩、李磊，010—84650077—8100
            ("刘倩", "004:31"),
            ("李磊", "004:31"),
            ("84650077", "004:32"),
        ],
        // 4月20日前，推荐材料（电子版）报送至北京“最美科技工作者”活动办公室（电子邮箱
        // zmkjgzz_bast@163.com，联系电话010—84617697）。
        deadline: "4月20日",
        email: Some("zmkjgzz_bast@163.com"),
        // 包括《2022年北京“最美科技工作者”推荐表》原件2份
        form_copies: "2份",
    });
}
