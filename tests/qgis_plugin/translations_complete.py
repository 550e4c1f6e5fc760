"""Every text the plugin shows through gtr() has a finished Dutch translation in
qgis_plugin/i18n/geolicence_nl.ts, and the file holds no translation nothing uses any more.

Usage: python3 translations_complete.py PLUGIN_SOURCE_DIR
"""
import os
import re
import sys
import xml.etree.ElementTree as ET

# gtr( followed by one or more adjacent string literals (C++ concatenates them).
CALL = re.compile(r'\bgtr\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+)')
LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"')
ESCAPES = {'\\"': '"', "\\\\": "\\", "\\n": "\n"}


def unescape(text):
    return re.sub(r'\\[\\"n]', lambda m: ESCAPES[m.group(0)], text)


def used_texts(source_dir):
    texts = {}
    for name in sorted(os.listdir(source_dir)):
        if not name.endswith((".cpp", ".h")):
            continue
        code = open(os.path.join(source_dir, name), encoding="utf-8").read()
        for call in CALL.finditer(code):
            text = "".join(unescape(part) for part in LITERAL.findall(call.group(1)))
            texts.setdefault(text, name)
    return texts


def main():
    source_dir = sys.argv[1]
    root = ET.parse(os.path.join(source_dir, "i18n", "geolicence_nl.ts")).getroot()
    translated = {}
    for message in root.iter("message"):
        translation = message.find("translation")
        done = translation is not None and translation.get("type") not in ("unfinished", "obsolete") \
            and (translation.text or "").strip()
        translated[message.find("source").text] = bool(done)
    used = used_texts(source_dir)
    failures = [f"{where}: no Dutch translation for {text!r}"
                for text, where in used.items() if not translated.get(text)]
    failures += [f"geolicence_nl.ts: {text!r} is translated but no longer used"
                 for text in translated if text not in used]
    for failure in failures:
        print(failure)
    print(f"{len(used)} texts, {len(failures)} problems")
    return 1 if failures or not used else 0


if __name__ == "__main__":
    sys.exit(main())
