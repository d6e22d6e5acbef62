//! Windows only: the icon, the version information (填表助手, version from Cargo.toml) and the
//! application manifest (long paths, UTF-8 code page) embedded into tianbiao.exe.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=assets/icon/tianbiao.ico");
    println!("cargo:rerun-if-changed=assets/windows/tianbiao.manifest");
    // The target, not the host: the Windows build is cross-compiled on Linux.
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    // Absolute paths: windres runs in another folder.
    let dir = env!("CARGO_MANIFEST_DIR");
    let icon = format!("{dir}/assets/icon/tianbiao.ico");
    let manifest = format!("{dir}/assets/windows/tianbiao.manifest");
    let mut resource = winresource::WindowsResource::new();
    resource
        // Chinese (PRC)
        .set_language(0x0804)
        .set_icon(&icon)
        .set_manifest_file(&manifest)
        .set("ProductName", "填表助手")
        .set("FileDescription", "填表助手")
        .set("CompanyName", "填表助手项目")
        .set("LegalCopyright", "MIT OR Apache-2.0")
        .set("OriginalFilename", "tianbiao.exe")
        .set("InternalName", "tianbiao");
    if let Err(error) = resource.compile_for("tianbiao") {
        // A build without its icon and manifest would look like a working one: stop here.
        panic!("cannot embed the Windows resources (icon, version, manifest): {error}");
    }
}
