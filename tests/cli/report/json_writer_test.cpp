// JsonWriter must write the bytes nlohmann's dump(2, ' ', false, error_handler_t::replace)
// wrote for the same tree (the reports' JSON is a contract): checked here on every byte, every
// pair of bytes, the UTF-8 sequences' edges, random byte strings and random trees.
#include "report/json_writer.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

namespace geolicence::cli {
namespace {

using Json = nlohmann::ordered_json;

std::string nlohmannString(const std::string& text) {
    return Json(text).dump(2, ' ', false, Json::error_handler_t::replace);
}

std::string writerString(const std::string& text) {
    JsonWriter writer;
    writer.string(text);
    return writer.text();
}

bool nlohmannStrictAccepts(const std::string& text) {
    try {
        (void)Json(text).dump();
        return true;
    } catch (const nlohmann::json::type_error&) {
        return false;
    }
}

// Both the replacement and the strict verdict, with the input in hex when they differ.
void expectSameAsNlohmann(const std::string& text) {
    std::string hex;
    for (unsigned char c : text) {
        static const char digits[] = "0123456789abcdef";
        hex += digits[c >> 4];
        hex += digits[c & 0xF];
        hex += ' ';
    }
    ASSERT_EQ(writerString(text), nlohmannString(text)) << "input bytes: " << hex;
    ASSERT_EQ(isValidUtf8(text), nlohmannStrictAccepts(text)) << "input bytes: " << hex;
}

TEST(JsonWriterTest, HostileStringsAsNlohmannWritesThem) {
    const std::vector<std::string> hostile = {
        "",
        std::string("a\0b", 3),
        "quote \" and backslash \\ and slash /",
        "\b\f\n\r\t\x01\x1f\x7f",
        "Grootschalig Referentie Bestand \xc2\xa7 2 3\xc2\xb0",
        "\xe2\x80\xa8 line separator, \xf0\x9f\x98\x80 emoji",
        "\xff",                      // never a UTF-8 byte
        "\xc0\xaf",                  // overlong '/'
        "\xe0\x80\xaf",              // overlong, three bytes
        "\xed\xa0\x80",              // a surrogate
        "\xf4\x90\x80\x80",          // above U+10FFFF
        "\xf0\x9f\x98",              // cut short at the end
        "\xf0\x9f\x98 then text",    // cut short in the middle
        "\xe2\x82",                  // cut short, three bytes
        "\x80\x80\x80",              // continuation bytes alone
        "Laag \xe9t\xe9",            // Latin-1, not UTF-8
        "\xc3(\xa0\xa1\xe2\x28\xa1", // valid lead, invalid continuation
    };
    for (const std::string& text : hostile) {
        expectSameAsNlohmann(text);
    }
}

TEST(JsonWriterTest, EveryByteAndEveryPairOfBytes) {
    for (int a = 0; a < 256; ++a) {
        expectSameAsNlohmann(std::string(1, static_cast<char>(a)));
        for (int b = 0; b < 256; ++b) {
            const std::string pair{static_cast<char>(a), static_cast<char>(b)};
            expectSameAsNlohmann(pair);
            expectSameAsNlohmann("x" + pair + "y");
        }
    }
}

// Three- and four-byte sequences: every lead byte from 0xC0 with the bytes at the edges of
// the continuation ranges (and some that are not continuations at all) after it.
TEST(JsonWriterTest, LongSequencesAtTheEdgesOfTheRanges) {
    const std::vector<unsigned char> edges = {0x00, 0x0a, 0x22, 0x41, 0x5c, 0x7f, 0x80,
                                              0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2,
                                              0xdf, 0xe0, 0xed, 0xf0, 0xf4, 0xff};
    for (int lead = 0xc0; lead < 256; ++lead) {
        for (unsigned char second : edges) {
            for (unsigned char third : edges) {
                const std::string three{static_cast<char>(lead), static_cast<char>(second),
                                        static_cast<char>(third)};
                expectSameAsNlohmann(three);
                if (lead >= 0xf0 && lead <= 0xf4) {
                    for (unsigned char fourth : edges) {
                        expectSameAsNlohmann(three + static_cast<char>(fourth));
                    }
                }
            }
        }
    }
}

TEST(JsonWriterTest, RandomByteStrings) {
    std::mt19937 random(20261203);
    const std::string alphabet = std::string("aZ \"\\/\x01\n\x1f\x7f", 10) +
                                 "\x80\x8f\x90\x9f\xa0\xbf\xc2\xdf\xe0\xed\xef\xf0\xf4\xf5\xff";
    std::uniform_int_distribution<std::size_t> length(0, 24);
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    std::uniform_int_distribution<int> any(0, 255);
    for (int round = 0; round < 100000; ++round) {
        std::string text;
        const std::size_t n = length(random);
        for (std::size_t i = 0; i < n; ++i) {
            text += round % 2 == 0 ? alphabet[pick(random)] : static_cast<char>(any(random));
        }
        expectSameAsNlohmann(text);
    }
}

Json randomTree(std::mt19937& random, int depth) {
    std::uniform_int_distribution<int> kind(0, depth >= 4 ? 5 : 7);
    std::uniform_int_distribution<int> size(0, 4);
    static const std::vector<std::string> texts = {
        "", "laag_0001", "\xc3\xa9\xff", "a\"b\\c\n", std::string("\0", 1), "\xf0\x9f\x98\x80"};
    static const std::vector<double> numbers = {0.0,
                                                -0.0,
                                                1.0,
                                                1000.0,
                                                0.1,
                                                1e21,
                                                1e-7,
                                                123456789.125,
                                                -2.5,
                                                std::numeric_limits<double>::quiet_NaN(),
                                                std::numeric_limits<double>::infinity()};
    switch (kind(random)) {
    case 0:
        return nullptr;
    case 1:
        return random() % 2 == 0;
    case 2:
        return numbers[random() % numbers.size()];
    case 3:
        return static_cast<int>(random() % 2001) - 1000;
    case 4:
        return static_cast<unsigned>(random());
    case 5:
        return texts[random() % texts.size()];
    case 6: {
        Json array = Json::array();
        for (int i = size(random); i > 0; --i) {
            array.push_back(randomTree(random, depth + 1));
        }
        return array;
    }
    default: {
        Json object = Json::object();
        for (int i = size(random); i > 0; --i) {
            object[texts[random() % texts.size()] + std::to_string(i)] =
                randomTree(random, depth + 1);
        }
        return object;
    }
    }
}

TEST(JsonWriterTest, RandomTreesAsNlohmannDumpsThem) {
    std::mt19937 random(42);
    for (int round = 0; round < 3000; ++round) {
        const Json tree = randomTree(random, 0);
        JsonWriter writer;
        writer.value(tree);
        ASSERT_EQ(writer.text(), tree.dump(2, ' ', false, Json::error_handler_t::replace))
            << tree.dump(-1, ' ', true, Json::error_handler_t::replace);
    }
}

// The value-by-value calls, as the reports make them, against the tree they describe.
TEST(JsonWriterTest, ValueByValueAsTheTree) {
    JsonWriter writer;
    writer.beginObject();
    writer.key("action");
    writer.string("publish");
    writer.key("findings");
    writer.beginArray();
    writer.endArray();
    writer.key("options");
    writer.beginObject();
    writer.endObject();
    writer.key("layers");
    writer.beginArray();
    writer.beginObject();
    writer.key("id");
    writer.null();
    writer.key("cell");
    writer.number(1000.0);
    writer.key("ok");
    writer.boolean(false);
    writer.endObject();
    writer.string("x");
    writer.endArray();
    writer.endObject();
    const Json tree = {{"action", "publish"},
                       {"findings", Json::array()},
                       {"options", Json::object()},
                       {"layers", {{{"id", nullptr}, {"cell", 1000.0}, {"ok", false}}, "x"}}};
    EXPECT_EQ(writer.text(), tree.dump(2, ' ', false, Json::error_handler_t::replace));
}

} // namespace
} // namespace geolicence::cli
