//! 香港用語：繁體中文訊息以台灣用語寫成，`zh-HK` 與 `zh-MO` 的讀者看到的是下表右邊的字詞。
//! The terms Hong Kong writes differently from Taiwan, as (Taiwan, Hong Kong) pairs, longest
//! first so that 網際網路 becomes 互聯網 before 網路 becomes 網絡. Each pair is a term this
//! catalogue uses; a test checks that the Taiwan side appears in no Hong Kong text. 位元組
//! stays: 字節 is the mainland's word, not Hong Kong's.

pub static HONG_KONG: &[(&str, &str)] = &[
    ("網際網路", "互聯網"),
    // Hong Kong phones, Outlook and the providers' pages say 用戶名稱, 電郵 and 證書.
    ("電子郵件", "電郵"),
    ("使用者", "用戶"),
    ("網路", "網絡"),
    ("行動", "流動"),
    ("家用", "家居"),
    ("飯店", "酒店"),
    ("勾選", "剔選"),
    ("目前", "現時"),
    ("搭配", "配搭"),
    ("憑證", "證書"),
    ("位址", "地址"),
    ("二進位", "二進制"),
    ("您", "你"),
];
