"""Fuzz harnesses (atheris); run each script directly, see docs/reliability.md."""
