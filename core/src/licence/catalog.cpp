#include <geolicence/bundled_resources.h>
#include <geolicence/catalog.h>
#include <geolicence/errors.h>
#include <geolicence/json_position_index.h>
#include <geolicence/profile_parser.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <set>

namespace geolicence {

namespace {

[[noreturn]] void failAt(const ProfileOrigin& origin, const std::string& pointer,
                         const std::string& detail) {
    const TextPosition position = JsonPositionIndex(origin.text).find(pointer);
    throw ProfileError(origin.file, position.line, position.column, detail);
}

std::string extendsPointer(const LicenceProfile& profile, const std::string& base) {
    const auto it = std::find(profile.extends.begin(), profile.extends.end(), base);
    return "/extends/" + std::to_string(it - profile.extends.begin());
}

// Flattens `extends`: base options and rules first, the profile's own after them (an own
// option with the same name replaces the inherited one).
class Resolver {
public:
    explicit Resolver(const std::map<std::string, LicenceProfile, std::less<>>& raw) : raw_(raw) {}

    LicenceProfile resolve(const LicenceProfile& profile) {
        if (std::find(stack_.begin(), stack_.end(), profile.id) != stack_.end()) {
            std::string cycle;
            const auto start = std::find(stack_.begin(), stack_.end(), profile.id);
            for (auto it = start; it != stack_.end(); ++it) {
                cycle += *it + " -> ";
            }
            cycle += profile.id;
            const LicenceProfile& last = raw_.find(stack_.back())->second;
            failAt(*last.origin, extendsPointer(last, profile.id), "inheritance cycle: " + cycle);
        }
        stack_.push_back(profile.id);
        LicenceProfile resolved = profile;
        resolved.options.clear();
        resolved.rules.clear();
        for (const std::string& base_id : profile.extends) {
            const auto base = raw_.find(base_id);
            if (base == raw_.end()) {
                failAt(*profile.origin, extendsPointer(profile, base_id),
                       "extends unknown profile \"" + base_id + "\"");
            }
            LicenceProfile inherited = resolve(base->second);
            for (OptionSpec& option : inherited.options) {
                addOption(resolved, std::move(option));
            }
            for (Rule& rule : inherited.rules) {
                resolved.rules.push_back(std::move(rule));
            }
        }
        for (const OptionSpec& option : profile.options) {
            addOption(resolved, option);
        }
        for (const Rule& rule : profile.rules) {
            resolved.rules.push_back(rule);
        }
        stack_.pop_back();
        return resolved;
    }

private:
    static void addOption(LicenceProfile& profile, OptionSpec option) {
        for (OptionSpec& existing : profile.options) {
            if (existing.name == option.name) {
                existing = std::move(option);
                return;
            }
        }
        profile.options.push_back(std::move(option));
    }

    const std::map<std::string, LicenceProfile, std::less<>>& raw_;
    std::vector<std::string> stack_;
};

// A rule may only read or take its texts and dates from options its profile declares: an
// undeclared one could never be set, and the rule would silently never apply.
void checkOptionReferences(const LicenceProfile& profile) {
    for (const Rule& rule : profile.rules) {
        auto check = [&](const std::string& name, const std::string& pointer) {
            if (!name.empty() && profile.findOption(name) == nullptr) {
                failAt(*rule.origin, rule.json_pointer + pointer,
                       "rule \"" + rule.id + "\" uses option \"" + name + "\", which profile \"" +
                           profile.id + "\" does not declare in \"options\"");
            }
        };
        for (std::size_t i = 0; i < rule.constraints.size(); ++i) {
            const Constraint& constraint = rule.constraints[i];
            const std::string pointer = "/constraints/" + std::to_string(i);
            if (constraint.left.kind == OperandKind::Option) {
                check(constraint.left.option_name, pointer + "/operand");
            }
            if (constraint.right && constraint.right->kind == OperandKind::Option) {
                check(constraint.right->option_name, pointer + "/value_of");
            }
        }
        for (std::size_t i = 0; i < rule.duties.size(); ++i) {
            const DutySpec& duty = rule.duties[i];
            const std::string pointer = "/duties/" + std::to_string(i);
            check(duty.text_option, pointer + "/text_option");
            check(duty.date_option, pointer + "/date_option");
            check(duty.unless_option, pointer + "/unless_option");
        }
    }
}

void checkUniqueRuleIds(const LicenceProfile& profile) {
    std::set<std::string, std::less<>> seen;
    for (const Rule& rule : profile.rules) {
        if (!seen.insert(rule.id).second) {
            failAt(*rule.origin, rule.json_pointer + "/id",
                   "rule id \"" + rule.id + "\" is used twice in profile \"" + profile.id +
                       "\" (inherited rules included)");
        }
    }
}

} // namespace

const LicenceProfile* Catalog::find(std::string_view id) const {
    const auto it = profiles_.find(id);
    return it == profiles_.end() ? nullptr : &it->second;
}

std::vector<const LicenceProfile*> Catalog::bindable() const {
    std::vector<const LicenceProfile*> list;
    for (const auto& [id, profile] : profiles_) {
        if (!profile.is_abstract) {
            list.push_back(&profile);
        }
    }
    return list;
}

std::vector<const LicenceProfile*> Catalog::all() const {
    std::vector<const LicenceProfile*> list;
    for (const auto& [id, profile] : profiles_) {
        list.push_back(&profile);
    }
    return list;
}

CatalogBuilder& CatalogBuilder::addBundled() {
    for (const bundled::EmbeddedFile& file : bundled::licenceProfiles()) {
        addProfile(parseProfile(file.content, std::string(file.name)));
    }
    return *this;
}

CatalogBuilder& CatalogBuilder::addDirectory(const std::filesystem::path& directory) {
    std::error_code error;
    if (!std::filesystem::is_directory(directory, error)) {
        throw InputError(directory.string() + ": catalog directory does not exist or is not a "
                                              "directory");
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(directory, error)) {
        if (entry.path().extension() == ".json" && entry.is_regular_file()) {
            files.push_back(entry.path());
        }
    }
    if (error) {
        throw InputError(directory.string() +
                         ": cannot read catalog directory: " + error.message());
    }
    std::sort(files.begin(), files.end());
    std::map<std::string, std::string> defined_here;
    for (const auto& file : files) {
        LicenceProfile profile = parseProfile(readTextFile(file), file.string());
        const auto [it, inserted] = defined_here.emplace(profile.id, file.string());
        if (!inserted) {
            failAt(*profile.origin, "/id",
                   "duplicate profile id \"" + profile.id + "\": also defined in " + it->second);
        }
        addProfile(std::move(profile));
    }
    return *this;
}

CatalogBuilder& CatalogBuilder::addFile(const std::filesystem::path& file) {
    return addProfile(parseProfile(readTextFile(file), file.string()));
}

CatalogBuilder& CatalogBuilder::addProfile(LicenceProfile profile) {
    std::string id = profile.id;
    profiles_.insert_or_assign(std::move(id), std::move(profile));
    return *this;
}

Catalog CatalogBuilder::build() const {
    Catalog catalog;
    for (const auto& [id, profile] : profiles_) {
        Resolver resolver(profiles_);
        LicenceProfile resolved = resolver.resolve(profile);
        checkUniqueRuleIds(resolved);
        checkOptionReferences(resolved);
        catalog.profiles_.emplace(id, std::move(resolved));
    }
    return catalog;
}

std::vector<std::filesystem::path> splitSearchPath(std::string_view list) {
    std::vector<std::filesystem::path> paths;
    std::size_t start = 0;
    while (start <= list.size()) {
        const std::size_t end = std::min(list.find(':', start), list.size());
        if (end > start) {
            paths.emplace_back(std::string(list.substr(start, end - start)));
        }
        start = end + 1;
    }
    return paths;
}

std::string readTextFile(const std::filesystem::path& file) {
    std::error_code error;
    if (std::filesystem::is_directory(file, error)) {
        throw InputError(file.string() + ": is a directory, not a file");
    }
    // stdio rather than a stream: a stream turns a failing read (EIO, e.g. /proc/self/mem)
    // into a silent end of file, and the caller would complain about empty content instead.
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> stream(
        std::fopen(file.string().c_str(), "rb"), &std::fclose);
    if (!stream) {
        throw InputError(file.string() + ": cannot open file (" + std::strerror(errno) + ")");
    }
    std::string content;
    char buffer[1 << 16];
    std::size_t read = 0;
    while ((read = std::fread(buffer, 1, sizeof buffer, stream.get())) > 0) {
        content.append(buffer, read);
    }
    if (std::ferror(stream.get()) != 0) {
        throw InputError(file.string() + ": cannot read file (" + std::strerror(errno) + ")");
    }
    return content;
}

} // namespace geolicence
