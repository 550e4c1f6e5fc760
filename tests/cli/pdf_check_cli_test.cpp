// `check MAP.pdf --project P --layout L`: the attributions a layout owes, looked for in the
// PDF exported from it (poppler's reading of its text), through the built binary.
#include "test_files.h"
#include "test_pdf.h"
#include "test_project.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

namespace geolicence::test {
namespace {

using nlohmann::json;

const char* kOsmText = "© OpenStreetMap contributors";

class PdfCheckCliTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = makeTempDir();
        project_ = writeLicencedProject(dir_);
    }

    std::string pdf(const std::string& name, const std::vector<PdfPage>& pages) const {
        return writeFile(dir_, name, makePdf(pages));
    }

    CliResult check(const std::string& pdf, const std::string& layout,
                    std::vector<std::string> extra = {}) const {
        std::vector<std::string> args = {"check", pdf, "--project", project_, "--layout", layout};
        args.insert(args.end(), extra.begin(), extra.end());
        return runCli(args);
    }

    json checkJson(const std::string& pdf, const std::string& layout, int expected_exit) const {
        const CliResult result = check(pdf, layout, {"--format", "json"});
        EXPECT_EQ(result.exit_code, expected_exit) << result.out << result.err;
        return json::parse(result.out);
    }

    static std::vector<json> missing(const json& decision) {
        std::vector<json> found;
        for (const json& finding : decision["findings"]) {
            if (finding["rule"] == "attribution-missing-in-pdf") {
                found.push_back(finding);
            }
        }
        return found;
    }

    std::string dir_;
    std::string project_;
};

// The GRB text wrapped over two lines, as a narrow label prints it, with the scale bar's text
// drawn after it on the same baselines beside it: a reading-order extraction interleaves the
// two, the content order (how QGIS draws item after item) keeps the label whole.
PdfPage mapPage() {
    return {{40, 60, "Bron : Grootschalig Referentie Bestand"},
            {40, 49, "Vlaanderen, AGIV, reproductie verboden"},
            {40, 38, kOsmText},
            {300, 60, "0       500 m"},
            {300, 49, "Schaal 1:10 000"}};
}

TEST_F(PdfCheckCliTest, PdfWithEveryAttributionIsPermitted) {
    const json decision = checkJson(pdf("kaart.pdf", {mapPage()}), "Publicatie", 0);
    EXPECT_EQ(decision["decision"], "permitted");
    EXPECT_EQ(decision["action"], "publish") << "a PDF is checked for publication by default";
    EXPECT_TRUE(missing(decision).empty()) << decision.dump(2);
}

TEST_F(PdfCheckCliTest, MissingAttributionIsAnErrorNamingItAndThePdf) {
    const std::string map = pdf("kaart.pdf", {{{40, 38, kOsmText}, {300, 49, "Schaal 1:10 000"}}});
    const json decision = checkJson(map, "Publicatie", 1);
    EXPECT_EQ(decision["decision"], "prohibited");
    const std::vector<json> findings = missing(decision);
    ASSERT_EQ(findings.size(), 1U) << decision.dump(2);
    EXPECT_EQ(findings[0]["severity"], "error");
    EXPECT_EQ(findings[0]["layer_name"], "Gebouwen");
    EXPECT_EQ(findings[0]["licence"], "grb-art7-intern-gebruik");
    const std::string message = findings[0]["message"];
    EXPECT_NE(message.find(kGrbText), std::string::npos) << message;
    EXPECT_NE(message.find(map), std::string::npos) << message;

    const CliResult text = check(map, "Publicatie", {"--lang", "nl"});
    EXPECT_EQ(text.exit_code, 1);
    EXPECT_NE(text.out.find("bevat de verplichte bronvermelding \"" + std::string(kGrbText)),
              std::string::npos)
        << text.out;
}

TEST_F(PdfCheckCliTest, TheAttributionMayBeOnAnyPageOfTheDocument) {
    const json decision =
        checkJson(pdf("atlas.pdf", {{{40, 38, kOsmText}}, {{40, 60, kGrbText}}}), "Publicatie", 0);
    EXPECT_TRUE(missing(decision).empty()) << decision.dump(2);
}

TEST_F(PdfCheckCliTest, ThePdfIsCheckedNotTheLabelsOfTheLayout) {
    // "Zonder bron" has no label, but the PDF that was published carries the text; and the
    // other way round, "Publicatie" has both labels, but its PDF lost one.
    EXPECT_TRUE(missing(checkJson(pdf("a.pdf", {mapPage()}), "Zonder bron", 0)).empty());
    const json lost = checkJson(pdf("b.pdf", {{{40, 60, kGrbText}}}), "Publicatie", 1);
    ASSERT_EQ(missing(lost).size(), 1U);
    EXPECT_NE(missing(lost)[0]["message"].get<std::string>().find(kOsmText), std::string::npos);
    EXPECT_FALSE(hasFinding(lost, "attribution-missing")) << "the layout's labels are not used";
}

TEST_F(PdfCheckCliTest, APdfWithoutTextSaysItsTextWasExportedAsOutlines) {
    const json decision = checkJson(pdf("outlines.pdf", {{}}), "Publicatie", 1);
    const std::vector<json> findings = missing(decision);
    ASSERT_EQ(findings.size(), 2U);
    EXPECT_NE(findings[0]["message"].get<std::string>().find("no text at all"), std::string::npos)
        << findings[0]["message"];
}

TEST_F(PdfCheckCliTest, SarifNamesThePdfAndTheRule) {
    const CliResult result =
        check(pdf("kaart.pdf", {{{40, 38, kOsmText}}}), "Publicatie", {"--format", "sarif"});
    EXPECT_EQ(result.exit_code, 1);
    const json sarif = json::parse(result.out);
    bool found = false;
    for (const json& item : sarif["runs"][0]["results"]) {
        if (item["ruleId"] == "grb-art7-intern-gebruik/attribution-missing-in-pdf") {
            found = true;
            EXPECT_EQ(item["level"], "error");
            EXPECT_EQ(item["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                      "file://" + dir_ + "/kaart.pdf")
                << "an absolute path is a file:// URI (SARIF1004)";
        }
    }
    EXPECT_TRUE(found) << result.out;
}

TEST_F(PdfCheckCliTest, TheLayersOfTheLayoutAreStillChecked) {
    // "Intern" renders the exact NDFF observations: a PDF of it may not be published, whatever
    // attributions it carries.
    const json decision = checkJson(pdf("intern.pdf", {mapPage()}), "Intern", 1);
    EXPECT_TRUE(hasFinding(decision, "n4-no-exact-publish")) << decision.dump(2);
    EXPECT_TRUE(missing(decision).empty());
}

TEST_F(PdfCheckCliTest, UsageErrorsSayWhatIsMissing) {
    const std::string map = pdf("kaart.pdf", {mapPage()});
    const CliResult no_project = runCli({"check", map, "--layout", "Publicatie"});
    EXPECT_EQ(no_project.exit_code, 2);
    EXPECT_NE(no_project.err.find("--project"), std::string::npos) << no_project.err;
    const CliResult no_layout = runCli({"check", map, "--project", project_});
    EXPECT_EQ(no_layout.exit_code, 2);
    EXPECT_NE(no_layout.err.find("--layout"), std::string::npos) << no_layout.err;
    const CliResult project_for_project =
        runCli({"check", project_, "--project", project_, "--action", "publish"});
    EXPECT_EQ(project_for_project.exit_code, 2);
    const CliResult no_action = runCli({"check", project_});
    EXPECT_EQ(no_action.exit_code, 2);
    EXPECT_NE(no_action.err.find("--action is required"), std::string::npos) << no_action.err;
}

TEST_F(PdfCheckCliTest, BrokenPdfsAreInputErrorsNamingTheFile) {
    const std::string good = makePdf({mapPage()});
    const std::vector<std::pair<std::string, std::string>> cases = {
        {writeFile(dir_, "text.pdf", "Bron: GRB\n"), "not a PDF"},
        {writeFile(dir_, "empty.pdf", ""), "not a PDF"},
        {writeFile(dir_, "damaged.pdf", "%PDF-1.4\n1 0 obj << /Type /Cat"), "damaged PDF"},
        {dir_ + "/absent.pdf", "cannot open"},
    };
    for (const auto& [file, expected] : cases) {
        const CliResult result = check(file, "Publicatie");
        EXPECT_EQ(result.exit_code, 3) << file << result.out;
        EXPECT_NE(result.err.find(file + ": " + expected), std::string::npos) << result.err;
        EXPECT_EQ(result.err.find('\n'), result.err.size() - 1) << "one line: " << result.err;
    }
    const CliResult layout = check(pdf("kaart.pdf", {mapPage()}), "Nope");
    EXPECT_EQ(layout.exit_code, 3);
    EXPECT_NE(layout.err.find("no layout named \"Nope\""), std::string::npos) << layout.err;
}

TEST_F(PdfCheckCliTest, APasswordProtectedPdfIsAnInputError) {
    const std::string plain = pdf("plain.pdf", {mapPage()});
    const std::string locked = dir_ + "/locked.pdf";
    const auto [status, out] =
        runShell("qpdf --encrypt geheim eigenaar 256 -- '" + plain + "' '" + locked + "' 2>&1");
    ASSERT_EQ(status, 0) << out;
    const CliResult result = check(locked, "Publicatie");
    EXPECT_EQ(result.exit_code, 3) << result.out;
    EXPECT_NE(result.err.find(locked + ": the PDF is protected by a password"), std::string::npos)
        << result.err;
}

} // namespace
} // namespace geolicence::test
