//! The `zanlex` binary: a thin shell over the library's [`zanlex::cli`].

fn main() -> std::process::ExitCode {
    zanlex::cli::main()
}
