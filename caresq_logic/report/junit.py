"""JUnit XML, the one writer for every command that reports to CI as tests (`check`, `test`)."""

from __future__ import annotations

from xml.etree import ElementTree as ET


def junit(suite_name: str, classname: str, cases: list[tuple[str, list[str], list[str]]]) -> str:
    """One test case per (name, problems, notes): failing with its problems (the first is the
    failure's message), its notes kept as system-out so they show without failing."""
    suite = ET.Element("testsuite", name=suite_name, tests=str(len(cases)))
    failures = 0
    for name, problems, notes in cases:
        case = ET.SubElement(suite, "testcase", classname=classname, name=name)
        if problems:
            failures += 1
            failure = ET.SubElement(case, "failure", message=problems[0])
            failure.text = "\n".join(problems)
        if notes:
            ET.SubElement(case, "system-out").text = "\n".join(notes)
    suite.set("failures", str(failures))
    suites = ET.Element("testsuites")
    suites.append(suite)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
