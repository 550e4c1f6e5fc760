// libFuzzer target: any text as a --context file and as licence options of a binding.
#include <geolicence/binding_json.h>
#include <geolicence/catalog.h>
#include <geolicence/context_json.h>
#include <geolicence/errors.h>

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const geolicence::Catalog catalog = geolicence::CatalogBuilder().addBundled().build();
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        geolicence::contextFromJson(text, "fuzz.json");
    } catch (const geolicence::InputError&) {
    }
    try {
        geolicence::optionsFromJson(*catalog.find("ndff-uitvoerportaal"), text, "fuzz");
    } catch (const geolicence::InputError&) {
    }
    return 0;
}
