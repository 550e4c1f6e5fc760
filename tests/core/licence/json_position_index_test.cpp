#include <geolicence/json_position_index.h>

#include <gtest/gtest.h>

namespace geolicence {
namespace {

TEST(JsonPositionIndex, FindsNestedValuesByPointer) {
    const std::string text = "{\n"
                             "  \"id\": \"x\",\n"
                             "  \"rules\": [\n"
                             "    {\"id\": \"a\"},\n"
                             "    {\"id\": \"b\", \"action\": \"pubish\"}\n"
                             "  ]\n"
                             "}\n";
    const JsonPositionIndex index(text);
    EXPECT_EQ(index.find("/id").line, 2);
    EXPECT_EQ(index.find("/id").column, 9);
    const TextPosition action = index.find("/rules/1/action");
    EXPECT_EQ(action.line, 5);
    EXPECT_EQ(action.column, 27);
}

TEST(JsonPositionIndex, FallsBackToTheClosestExistingParent) {
    const std::string text = "{\"rules\": [{\"id\": \"a\"}]}";
    const JsonPositionIndex index(text);
    const TextPosition missing = index.find("/rules/0/cite");
    EXPECT_EQ(missing.line, 1);
    EXPECT_EQ(missing.column, 12) << "the rule object that lacks the field";
}

TEST(JsonPositionIndex, HandlesEscapedKeysAndStrings) {
    const std::string text = "{\"a/b\": \"x\\\"y\", \"c\": 1}";
    const JsonPositionIndex index(text);
    EXPECT_EQ(index.find("/a~1b").column, 9);
    EXPECT_EQ(index.find("/c").column, 22);
}

TEST(JsonPositionIndex, SurvivesDeepNestingWithoutExhaustingTheStack) {
    const std::string text = std::string(100000, '[') + std::string(100000, ']');
    const JsonPositionIndex index(text);
    EXPECT_EQ(index.find("").line, 1);
}

TEST(PositionOfOffset, CountsLinesAndColumnsFromOne) {
    EXPECT_EQ(positionOfOffset("ab\ncd", 4).line, 2);
    EXPECT_EQ(positionOfOffset("ab\ncd", 4).column, 2);
    EXPECT_EQ(positionOfOffset("ab", 99).column, 3) << "clamped to the end";
}

} // namespace
} // namespace geolicence
