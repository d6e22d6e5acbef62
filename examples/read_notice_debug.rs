fn main() {
    let path = std::env::args().nth(1).unwrap();
    let r = tianbiao::form::notice::read_notice(&std::fs::read_to_string(path).unwrap());
    for f in &r.found { println!("{}\t{}\t{}", f.field, f.value, f.source.chars().take(80).collect::<String>()); }
    for f in &r.suggestions { println!("建议 {}\t{}", f.field, f.value); }
    println!("missing {:?}", r.missing);
    if std::env::args().nth(2).is_some() { for s in tianbiao::form::notice::Text::new(&std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap()).sentences { println!("S: {s}"); } }
}
