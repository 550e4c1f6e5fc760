// `check --format json` writes its report value by value (json_writer.h); before, it dumped the
// core's decisionToJson, parsed it again, added checkedLayersToJson (and servedToJson) and
// dumped the tree. The report is a contract: these tests build that old report next to the new
// one, for results full of hostile text, and want the same bytes.
#include "report/binding_report.h"
#include "report/folder_report.h"
#include "report/report.h"
#include "report/served_report.h"

#include <geolicence/catalog.h>
#include <geolicence/decision_json.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <limits>
#include <sstream>
#include <string>

namespace geolicence::cli {
namespace {

using Json = nlohmann::ordered_json;

// The report as writeReport wrote it until the writer replaced the trees.
std::string treeReport(const CheckResult& result, bool web) {
    auto json = Json::parse(decisionToJson(result.decision, -1));
    if (web) {
        json["target"] = "web";
    }
    json["layers"] = checkedLayersToJson(result.layers);
    if (web) {
        json["served"] = servedToJson(result.served);
    }
    return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

// The folder report as folderReportJson built it until the writer replaced the trees.
std::string treeFolderReport(const FolderCheck& check, Action action, Verdict verdict) {
    Json out;
    out["action"] = std::string(toString(action));
    if (check.web) {
        out["target"] = "web";
    }
    out["decision"] = std::string(toString(verdict));
    out["findings"] = Json::array();
    out["files"] = Json::array();
    for (const CheckResult& result : check.files) {
        Json file = Json::parse(decisionToJson(result.decision, -1));
        for (Json finding : file["findings"]) {
            finding["file"] = result.subject;
            out["findings"].push_back(std::move(finding));
        }
        Json entry;
        entry["file"] = result.subject;
        entry.update(file);
        entry["layers"] = checkedLayersToJson(result.layers);
        if (check.web) {
            entry["served"] = servedToJson(result.served);
        }
        out["files"].push_back(std::move(entry));
    }
    return out.dump(2, ' ', false, Json::error_handler_t::replace);
}

std::string writtenReport(const CheckResult& result, bool web) {
    const Catalog catalog = CatalogBuilder().build();
    std::ostringstream out;
    writeReport(out, "json", FileReport{result, catalog, Language::English, false, web});
    return out.str();
}

const std::string kHostile[] = {
    "plain",
    "quote \" backslash \\ tab \t newline \n nul " + std::string(1, '\0') + " unit \x1f",
    "\xc3\xa9\xe2\x80\xa8\xf0\x9f\x98\x80", // é, line separator, emoji
    "Laag \xe9t\xe9",                       // Latin-1
    "\xf0\x9f\x98",                         // cut short
    "\xed\xa0\x80\xc0\xaf\xff",             // surrogate, overlong, 0xff
    "",
};

CheckResult hostileResult() {
    CheckResult result;
    result.subject = "project.qgs";
    result.decision.action = Action::Publish;
    result.decision.verdict = Verdict::Prohibited;
    int n = 0;
    for (const std::string& text : kHostile) {
        const std::string id = "laag_" + std::to_string(n++);
        result.decision.findings.push_back({Severity::Error, id, text,
                                            n % 2 == 0 ? "" : "ndff-uitvoerportaal", "rule-" + text,
                                            "message " + text, n % 3 == 0 ? "" : "cite " + text});
        Duty duty;
        duty.type = n % 2 == 0 ? DutyType::Attribute : DutyType::NoEndorsement;
        duty.text = n % 3 == 0 ? "" : text;
        duty.party = n % 2 == 0 ? "" : "party " + text;
        if (n % 2 == 1) {
            duty.aliases = {text, "alias"};
        }
        if (n % 3 == 1) {
            duty.date = Date::parse("2026-12-03");
        }
        duty.licence = "grb-art7-intern-gebruik";
        duty.rule = "g1-attribution";
        duty.cite = text;
        duty.layers = {id, "", text};
        result.decision.duties.push_back(duty);

        CheckedLayer layer;
        layer.id = id;
        layer.name = text;
        if (n % 4 != 0) {
            LicenceBinding binding;
            binding.from = text.empty() ? "sidecar" : "custom-property";
            // Option texts and provenance are valid UTF-8 here: invalid ones fail (below).
            const std::string valid = isValidUtf8(text) ? text : "valid";
            binding.licences.push_back({"ndff-uitvoerportaal",
                                        {{"role", std::string("subscriber")},
                                         {"attribution", valid},
                                         {"cell_size_m", 1000.0},
                                         {"revoked", false},
                                         {"valid_until", *Date::parse("2027-01-31")}}});
            if (n % 2 == 0) {
                binding.licences.push_back({"cc-by-4.0", {}});
                binding.derived_from.push_back({"input " + valid,
                                                {{"grb-art7-intern-gebruik", {{"fee", 0.1}}}},
                                                "2026-11-30",
                                                "geolicence bind",
                                                {{"deeper.gpkg", {}, "", "", {}}}});
            }
            layer.binding = binding;
        }
        result.layers.push_back(layer);

        ServedLayer served;
        served.exposure.layer_id = id;
        served.exposure.layer_name = text;
        served.exposure.wms_name = text;
        if (n % 2 == 0) {
            served.exposure.channels = {ServiceChannel::WmsMap, ServiceChannel::Wfs};
        }
        served.context.purpose = "commercial";
        served.context.cell_size_m = n % 2 == 0 ? 0.0 : 1000.5;
        served.context.downloadable = n % 2 == 0;
        result.served.push_back(served);
    }
    return result;
}

TEST(ReportJsonTest, CheckReportIsTheTreeDumpsBytes) {
    const CheckResult result = hostileResult();
    EXPECT_EQ(writtenReport(result, false), treeReport(result, false));
}

TEST(ReportJsonTest, WebCheckReportIsTheTreeDumpsBytes) {
    const CheckResult result = hostileResult();
    EXPECT_EQ(writtenReport(result, true), treeReport(result, true));
}

TEST(ReportJsonTest, FolderReportIsTheTreeDumpsBytes) {
    for (const bool web : {false, true}) {
        FolderCheck check;
        check.web = web;
        EXPECT_EQ(folderReportJson(check, Action::Share),
                  treeFolderReport(check, Action::Share, Verdict::Permitted));
        check.files.push_back(hostileResult());
        CheckResult second = hostileResult();
        second.subject = "sub/\xe9\\data \"2\".gpkg";
        second.decision.verdict = Verdict::Conditional;
        check.files.push_back(second);
        check.files.push_back(CheckResult{});
        EXPECT_EQ(folderReportJson(check, Action::Publish),
                  treeFolderReport(check, Action::Publish, Verdict::Prohibited));
    }
}

TEST(ReportJsonTest, EmptyResult) {
    CheckResult result;
    result.decision.action = Action::Share;
    result.decision.verdict = Verdict::Conditional;
    EXPECT_EQ(writtenReport(result, false), treeReport(result, false));
    EXPECT_EQ(writtenReport(result, true), treeReport(result, true));
}

// A binding whose option text or provenance is not UTF-8 made the tree's strict dump throw
// (an internal error, exit 70, nothing on stdout); the writer fails the same way, with the
// same words.
TEST(ReportJsonTest, InvalidUtf8InABindingFailsAsBefore) {
    const auto failure = [](auto&& write) -> std::string {
        try {
            write();
        } catch (const std::exception& e) {
            return e.what();
        }
        return "no failure";
    };
    for (int where = 0; where < 2; ++where) {
        CheckResult result = hostileResult();
        LicenceBinding& binding = *result.layers[1].binding;
        if (where == 0) {
            binding.licences.front().options["attribution"] = std::string("Bron \xe9");
        } else {
            binding.derived_from.push_back({"\xff.gpkg", {}, "", "", {}});
        }
        const std::string expected = failure([&] { (void)treeReport(result, false); });
        ASSERT_NE(expected, "no failure");
        EXPECT_EQ(failure([&] { (void)writtenReport(result, false); }), expected);
    }
}

} // namespace
} // namespace geolicence::cli
