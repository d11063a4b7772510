"""The everyday tooling agrees with itself: hooks, CI and make dev run what the README and Procfile say."""

import re

import yaml

from project.env import BASE_DIR


def pins(lines):
    return dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)$", "\n".join(lines), flags=re.MULTILINE))


def hooks():
    config = yaml.safe_load((BASE_DIR / ".pre-commit-config.yaml").read_text())
    return config["repos"]


def test_every_hook_installs_from_the_package_registry_nothing_from_a_git_host():
    for repo in hooks():
        assert repo["repo"] == "local"
        for hook in repo["hooks"]:
            assert hook["language"] == "python", hook["id"]
            assert all("==" in dependency for dependency in hook.get("additional_dependencies", [])), hook[
                "id"
            ]


def test_hooks_pin_the_same_versions_as_requirements_dev():
    required = pins((BASE_DIR / "requirements-dev.txt").read_text().splitlines())
    for repo in hooks():
        for hook in repo["hooks"]:
            for name, version in pins(hook.get("additional_dependencies", [])).items():
                assert required.get(name) == version, f"{hook['id']}: {name}=={version}"


def test_ci_runs_exactly_the_readme_test_command():
    readme = (BASE_DIR / "README.md").read_text()
    assert "make test    #" in readme
    workflow = yaml.safe_load((BASE_DIR / ".github/workflows/ci.yml").read_text())
    runs = [step["run"] for job in workflow["jobs"].values() for step in job["steps"] if "run" in step]
    assert runs == ["make test"]
    assert (BASE_DIR / ".ci/run").read_text().strip().splitlines()[-1] == "make test"


def test_make_dev_runs_the_procfile_worker_command():
    worker = re.search(r"^worker: (.+)$", (BASE_DIR / "Procfile").read_text(), flags=re.MULTILINE).group(1)
    dev_worker = re.search(r"^worker: (.+)$", (BASE_DIR / "Procfile.dev").read_text(), flags=re.MULTILINE)
    assert dev_worker.group(1).endswith(f"exec {worker}")
