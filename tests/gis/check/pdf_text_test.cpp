// Reading an exported map's text with poppler, and finding attributions in it the way a reader
// of the printed map would.
#include "test_files.h"
#include "test_pdf.h"
#include "test_support.h"

#include <geolicence/errors.h>
#include <geolicence/pdf_text.h>
#include <geolicence/published_text.h>

#include <gtest/gtest.h>

namespace geolicence::test {
namespace {

TEST(PdfText, EveryPageIsReadInContentAndInReadingOrder) {
    const std::string pdf =
        makePdf({{{40, 60, "Bron: PDOK"}, {300, 60, "Schaal"}}, {{40, 60, "© Kadaster"}}});
    const PdfText text = readPdfText(pdf.data(), pdf.size(), "kaart.pdf");
    EXPECT_EQ(text.pages, 2);
    ASSERT_EQ(text.readings.size(), 4U);
    EXPECT_NE(text.readings[0].find("Bron: PDOK"), std::string::npos) << text.readings[0];
    EXPECT_NE(text.readings[1].find("Schaal"), std::string::npos) << text.readings[1];
    EXPECT_NE(text.readings[2].find("© Kadaster"), std::string::npos) << text.readings[2];
    EXPECT_EQ(text.readings[2].find("PDOK"), std::string::npos) << "pages are kept apart";
}

TEST(PdfText, FileAndMemoryGiveTheSameText) {
    const std::string pdf = makePdf({{{40, 60, "Bron: Informatie Vlaanderen"}}});
    const std::string path = writeFile(makeTempDir(), "kaart.pdf", pdf);
    EXPECT_EQ(readPdfText(path).readings, readPdfText(pdf.data(), pdf.size(), path).readings);
}

TEST(PdfText, WhatIsNoReadablePdfIsAnInputErrorNamingIt) {
    const std::string good = makePdf({{{40, 60, "Bron"}}});
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"", "not a PDF"},
        {"<html>map</html>", "not a PDF"},
        {"%PDF-1.7\n\x01\x02garbage", "damaged PDF"},
        {"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>",
         "kaart.pdf: "},
    };
    for (const auto& [bytes, expected] : cases) {
        try {
            readPdfText(bytes.data(), bytes.size(), "kaart.pdf");
            ADD_FAILURE() << "accepted: " << bytes;
        } catch (const InputError& e) {
            EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << e.what();
            EXPECT_EQ(std::string(e.what()).rfind("kaart.pdf: ", 0), 0U) << e.what();
        }
    }
    EXPECT_THROW(readPdfText("/nonexistent/kaart.pdf"), InputError);
}

TEST(PdfText, JunkBeforeTheHeaderIsAcceptedAsReadersDo) {
    const std::string pdf = std::string(200, ' ') + makePdf({{{40, 60, "Bron: NGI"}}});
    const PdfText text = readPdfText(pdf.data(), pdf.size(), "kaart.pdf");
    EXPECT_NE(text.readings[0].find("Bron: NGI"), std::string::npos);
}

TEST(PublishedText, LineBreaksSpacingLigaturesAndSoftHyphensAreIgnored) {
    const PublishedText text("kaart.pdf", {"Bron : Grootschalig Referentie\nBestand   Vlaan-",
                                           "Kaart \xEF\xAC\x81guur Bron:\xC2\xA0"
                                           "PDOK"});
    EXPECT_TRUE(text.shows("Bron : Grootschalig Referentie Bestand"));
    EXPECT_TRUE(text.shows("Kaart figuur")) << "the fi ligature is two letters";
    EXPECT_TRUE(text.shows("Bron: PDOK")) << "a no-break space is a space";
    EXPECT_FALSE(text.shows("Bron : Grootschalig Referentie Bestand Vlaanderen"));
    EXPECT_FALSE(text.shows("bron : grootschalig")) << "attributions are exact texts";
    EXPECT_TRUE(text.mentions("PDOK"));
    EXPECT_TRUE(text.mentions("pdok")) << "a forbidden name is found in any case";
    EXPECT_FALSE(text.mentions("Kadaster"));
    EXPECT_FALSE(text.empty());
}

TEST(PublishedText, OnlyWhitespaceIsEmpty) {
    EXPECT_TRUE(PublishedText("a.pdf", {" \n\f", ""}).empty());
    EXPECT_TRUE(PublishedText("a.pdf", {}).empty());
    EXPECT_FALSE(PublishedText("a.pdf", {"", "."}).empty());
}

} // namespace
} // namespace geolicence::test
