// libFuzzer target: any text as a licence profile, alone and inside the bundled catalog.
// The loader must answer with a ProfileError or a profile, never crash or hang.
#include <geolicence/catalog.h>
#include <geolicence/errors.h>
#include <geolicence/profile_parser.h>

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        geolicence::LicenceProfile profile = geolicence::parseProfile(text, "fuzz.json");
        geolicence::CatalogBuilder builder;
        builder.addBundled();
        builder.addProfile(std::move(profile));
        builder.build();
    } catch (const geolicence::InputError&) {
    }
    return 0;
}
