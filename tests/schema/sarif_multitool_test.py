"""Runs Microsoft's SARIF Multitool (`validate`, the reference SARIF client; npm package
@microsoft/sarif-multitool-linux, installed by ci/install-sarif-multitool.sh) on every kind of
report `geolicence check --format sarif` writes: a project named by an absolute and by a
relative path, a .qgz, a dataset, a PDF checked against its layout, and a whole repository.
None may produce an error or a warning; results on a .qgs must point at a line (a region) so
code scanning can annotate it. A deliberately broken report must produce errors, so a tool that
says nothing cannot pass this test.

Usage: sarif_multitool_test.py GEOLICENCE MULTITOOL SAMPLE_REPOSITORY
"""
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

GRB = "Bron : Grootschalig Referentie Bestand Vlaanderen, AGIV, reproductie verboden"


def minimal_pdf(text):
    """A one-page PDF whose text layer holds `text` (poppler reads it as QGIS's exports)."""
    stream = f"BT /F1 10 Tf 40 700 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def check(geolicence, cwd, *args):
    result = subprocess.run([geolicence, "check", *args, "--format", "sarif"], cwd=cwd,
                            capture_output=True, text=True, timeout=120, check=False)
    if result.returncode not in (0, 1, 3):
        raise RuntimeError(f"check {' '.join(args)} exited {result.returncode}: {result.stderr}")
    return result.stdout


def validate(multitool, report, work):
    """The Multitool's errors and warnings for `report`, one line each."""
    output = work / "multitool-output.sarif"
    if output.exists():
        output.unlink()
    result = subprocess.run([multitool, "validate", str(report), "-o", str(output)],
                            capture_output=True, text=True, timeout=300, check=False)
    lines = (result.stdout + result.stderr).splitlines()
    problems = [line for line in lines if re.search(r": (error|warning) [A-Z]+\d+", line)]
    if not output.exists():
        problems.append("the Multitool wrote no result: " + " | ".join(lines[-5:]))
    return problems


def main() -> int:
    geolicence, multitool, sample = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3])
    if not os.access(multitool, os.X_OK):
        print(f"FAIL the SARIF Multitool is not installed at {multitool} "
              "(bash ci/install-sarif-multitool.sh)")
        return 1
    work = pathlib.Path(tempfile.mkdtemp(prefix="geolicence-multitool-"))
    passed = failed = 0

    def verdict(name, ok, detail=""):
        nonlocal passed, failed
        if ok:
            passed += 1
            print(f"ok   {name}")
        else:
            failed += 1
            print(f"FAIL {name}: {detail}")

    try:
        repository = work / "repository"
        shutil.copytree(sample, repository)
        project = repository / "maps" / "verspreidingskaart.qgs"
        with zipfile.ZipFile(repository / "maps" / "ingepakt.qgz", "w") as archive:
            archive.write(project, "ingepakt.qgs")
        (repository / "export.pdf").write_bytes(minimal_pdf("Verspreiding van de das"))
        reports = {
            "project by absolute path": check(geolicence, repository, str(project), "--action",
                                              "publish", "--layout", "Verspreiding A4"),
            "project by relative path": check(geolicence, repository,
                                              "maps/verspreidingskaart.qgs", "--action",
                                              "publish"),
            "packed project (.qgz)": check(geolicence, repository, "maps/ingepakt.qgz",
                                           "--action", "publish"),
            "dataset": check(geolicence, repository, "data/waarnemingen.geojson", "--action",
                             "publish"),
            "exported PDF": check(geolicence, repository, str(repository / "export.pdf"),
                                  "--project", str(project), "--layout", "Verspreiding A4"),
            "repository": check(geolicence, repository, ".", "--recursive", "--action",
                                "publish"),
            "web services of a project (--target web)": check(
                geolicence, repository, "maps/verspreidingskaart.qgs", "--target", "web"),
        }
        for name, text in reports.items():
            report = work / (re.sub(r"\W+", "-", name) + ".sarif")
            report.write_text(text, encoding="utf-8")
            sarif = json.loads(text)
            results = sarif["runs"][0]["results"]
            verdict(f"{name}: has results", bool(results), "nothing to validate")
            problems = validate(multitool, report, work)
            verdict(f"{name}: no errors or warnings", not problems, "; ".join(problems[:4]))
            uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    for r in results]
            verdict(f"{name}: absolute paths are file:// URIs",
                    all(not u.startswith("/") for u in uris), str(uris[:3]))
        for name in ("project by absolute path", "project by relative path"):
            results = json.loads(reports[name])["runs"][0]["results"]
            lines = [r["locations"][0]["physicalLocation"]["region"].get("startLine")
                     for r in results]
            text = project.read_text(encoding="utf-8").splitlines()
            pointed = [text[line - 1].lstrip()[:10] for line in lines if line]
            verdict(f"{name}: every result points at a <maplayer> or <Layout> line",
                    len(pointed) == len(results) and
                    all(p.startswith(("<maplayer", "<Layout")) for p in pointed), str(pointed))

        broken = json.loads(reports["project by absolute path"])
        location = broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
        location["artifactLocation"]["uri"] = str(project)  # a bare absolute path
        del location["region"]
        report = work / "broken.sarif"
        report.write_text(json.dumps(broken), encoding="utf-8")
        verdict("a broken report is caught by the Multitool",
                len(validate(multitool, report, work)) >= 2, "no error for a broken report")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
