#include <geolicence/messages.h>

#include <gtest/gtest.h>

#include <cstddef>
#include <string>

namespace geolicence::test {
namespace {

std::size_t placeholders(const std::string& text) {
    std::size_t count = 0;
    for (std::size_t at = text.find("{}"); at != std::string::npos; at = text.find("{}", at + 2)) {
        ++count;
    }
    return count;
}

TEST(MessageTable, EveryMessageHasBothLanguagesWithTheSamePlaceholders) {
    for (std::size_t i = 0; i < static_cast<std::size_t>(Msg::Count); ++i) {
        const auto id = static_cast<Msg>(i);
        const std::string english = messageTemplate(id, Language::English);
        const std::string dutch = messageTemplate(id, Language::Dutch);
        EXPECT_FALSE(english.empty()) << i;
        EXPECT_FALSE(dutch.empty()) << i;
        EXPECT_NE(english, dutch) << i << ": not translated: " << english;
        EXPECT_EQ(placeholders(english), placeholders(dutch)) << english << " / " << dutch;
    }
}

TEST(MessageTable, SayFillsThePlaceholdersInOrder) {
    EXPECT_EQ(say(Msg::BindingConflictLicensor, Language::English, {"Digitaal Vlaanderen", "NDFF"}),
              "the data source is a service of Digitaal Vlaanderen, but the layer is bound to a "
              "licence of NDFF; check that the binding is right");
    EXPECT_EQ(say(Msg::UnknownLayer, Language::Dutch, {"punten_1"}),
              "Het project verwijst naar laag \"punten_1\", maar definieert die niet; haar "
              "licentie kan niet gecontroleerd worden.");
    EXPECT_EQ(say(Msg::VerdictProhibited, Language::Dutch), "VERBODEN");
}

} // namespace
} // namespace geolicence::test
