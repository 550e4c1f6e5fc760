// Hostile input through the built CLI (issue 7): one row per case, each generating its hostile
// file in a fresh directory. Every row asserts the exit code, a single stderr line naming the
// file and the problem, that nothing in the directory changed (no partial output, inputs
// untouched) and that the process ended on its own within a time bound. A few inputs are not
// errors but are reported (NaN coordinates, invalid UTF-8 names): those rows assert the report.
#include "test_files.h"
#include "test_layers.h"
#include "test_pdf.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <sqlite3.h>
#include <sstream>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

namespace geolicence::test {
namespace {

namespace fs = std::filesystem;

constexpr auto kTimeBound = std::chrono::seconds(20);

// A small valid project: one layer on a GeoJSON file beside it.
const char* kProject = R"(<qgis version="3.22.16">
<layer-tree-group><layer-tree-layer id="obs" checked="Qt::Checked"/></layer-tree-group>
<projectlayers><maplayer type="vector"><id>obs</id><datasource>./obs.geojson</datasource>
<layername>Waarnemingen</layername><provider>ogr</provider></maplayer></projectlayers>
</qgis>
)";

// What one row runs: the command line, the file its error must name, and for the few inputs
// that are reported rather than refused, the files the run may create.
struct Command {
    std::vector<std::string> args;
    std::string names; // the file the stderr line must name; empty for pure usage errors
    CliLimits limits = {};
    std::vector<std::string> creates = {}; // names in the case directory (exit 0 rows)
    std::shared_ptr<void> keep_alive = {}; // e.g. a tmpfs mount, undone after the run
    // When the setup picks how to make the input hostile (as root or not), the message too.
    std::string expected = {};
};

struct HostileCase {
    const char* name;
    std::function<Command(const std::string& dir)> setup;
    int exit_code;
    // Exit 0 or 1: a fragment of stdout (the report). Otherwise: of the one stderr line.
    const char* expected;
};

// ---- Builders of hostile (and harmless) files --------------------------------------------

std::string points(const std::string& dir, const std::string& name,
                   const std::vector<std::pair<double, double>>& xy, int epsg = 28992) {
    std::vector<TestFeature> features;
    for (const auto& point : xy) {
        features.push_back({point, "", {"Bufo bufo", "2"}});
    }
    const std::string path = dir + "/" + name;
    writeTestLayer(path, fs::path(name).extension() == ".gpkg" ? "GPKG" : "GeoJSON", epsg,
                   {{"soort", OFTString}, {"aantal", OFTInteger}}, features, "obs");
    return path;
}

std::string observations(const std::string& dir, const std::string& name = "obs.gpkg") {
    return points(dir, name, {{155100, 463100}, {155200, 463900}, {156500, 464100}});
}

// Runs `statement` on a GeoPackage with plain SQLite, as an attacker's tool would. GDAL's
// R-tree triggers call spatial functions SQLite lacks; stand-ins leave the index stale, which
// is one more thing a hostile file may do.
void sql(const std::string& gpkg, const std::string& statement) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(gpkg.c_str(), &db), SQLITE_OK);
    for (const char* function : {"ST_IsEmpty", "ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY"}) {
        sqlite3_create_function(
            db, function, 1, SQLITE_UTF8, nullptr,
            [](sqlite3_context* context, int, sqlite3_value**) { sqlite3_result_int(context, 1); },
            nullptr, nullptr);
    }
    char* error = nullptr;
    EXPECT_EQ(sqlite3_exec(db, statement.c_str(), nullptr, nullptr, &error), SQLITE_OK)
        << (error != nullptr ? error : "");
    sqlite3_free(error);
    sqlite3_close(db);
}

// A GeoPackage point geometry blob (header without envelope, little-endian WKB) as SQL hex: the
// way to store coordinates GDAL would not write as given (it stores NaN points as empty).
std::string gpkgPointBlob(double x, double y) {
    std::string bytes = {'G', 'P', 0, 1};
    const std::int32_t srs = 28992;
    const std::uint32_t point = 1;
    bytes.append(reinterpret_cast<const char*>(&srs), 4);
    bytes += '\x01';
    bytes.append(reinterpret_cast<const char*>(&point), 4);
    bytes.append(reinterpret_cast<const char*>(&x), 8);
    bytes.append(reinterpret_cast<const char*>(&y), 8);
    std::string hex = "X'";
    for (const char c : bytes) {
        const char* digits = "0123456789ABCDEF";
        hex += digits[static_cast<unsigned char>(c) >> 4];
        hex += digits[static_cast<unsigned char>(c) & 0xf];
    }
    return hex + "'";
}

std::string project(const std::string& dir, const std::string& name = "kaart.qgs") {
    writeFile(dir, "obs.geojson", R"({"type": "FeatureCollection", "features": []})");
    return writeFile(dir, name, kProject);
}

std::string qgz(const std::string& dir, const std::string& name = "kaart.qgz") {
    return writeZip(dir + "/" + name, {{"kaart.qgs", kProject}});
}

// Billion laughs: ten levels of ten references, a 10 GB expansion.
std::string entityBomb() {
    std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE qgis [\n<!ENTITY a \"aaaaaaaaaa\">\n";
    for (char level = 'b'; level <= 'j'; ++level) {
        bomb += "<!ENTITY " + std::string(1, level) + " \"";
        for (int i = 0; i < 10; ++i) {
            bomb += "&" + std::string(1, static_cast<char>(level - 1)) + ";";
        }
        bomb += "\">\n";
    }
    return bomb + "]>\n<qgis><title>&j;</title></qgis>\n";
}

// Written in chunks: the file is big, the test's memory need not be.
std::string singleLine100MB(const std::string& dir) {
    const std::string path = dir + "/lang.qgs";
    std::ofstream out(path, std::ios::binary);
    out << "<qgis version=\"3.22.16\"><title>";
    const std::string chunk(1 << 20, 'a');
    for (int i = 0; i < 100; ++i) {
        out << chunk;
    }
    return path;
}

// A profile derived from a bundled one, changed by `edit` (the text of a JSON object member
// list inserted after the opening brace, replacing "id").
std::string profile(const std::string& dir, const std::string& id, const std::string& members) {
    std::string text = readFile(sourcePath("resources/licences/cc0-1.0.json"));
    const std::string old_id = "\"id\": \"cc0-1.0\",";
    text.replace(text.find(old_id), old_id.size(), "\"id\": \"" + id + "\", " + members);
    return writeFile(dir, id + ".json", text);
}

// Makes `command`'s directory `target` (already filled) unwritable. As root, permissions do
// not stop writes: a read-only bind mount of the directory onto itself does; where mounting is
// not allowed either, a file size limit of 0 makes every write fail in the same way.
void makeReadOnly(const std::string& target, Command& command) {
    if (geteuid() != 0) {
        fs::permissions(target, fs::perms::owner_read | fs::perms::owner_exec);
        command.keep_alive = std::shared_ptr<void>(
            nullptr, [target](void*) { fs::permissions(target, fs::perms::owner_all); });
    } else if (::mount(target.c_str(), target.c_str(), nullptr, MS_BIND, nullptr) == 0) {
        command.keep_alive = std::shared_ptr<void>(
            nullptr, [target](void*) { ::umount2(target.c_str(), MNT_DETACH); });
        EXPECT_EQ(
            ::mount(nullptr, target.c_str(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr),
            0);
    } else {
        command.limits.max_file_bytes = 0;
    }
}

// A disk that is full after 64 KiB: a small tmpfs when mounting is allowed (root), else the
// same effect with a file size limit on the process (RLIMIT_FSIZE; writes fail with EFBIG).
Command onFullDisk(const std::string& dir, std::vector<std::string> args_before_output,
                   const std::string& output_name) {
    const std::string disk = dir + "/schijf";
    fs::create_directory(disk);
    Command command;
    if (::mount("tmpfs", disk.c_str(), "tmpfs", 0, "size=64k") == 0) {
        command.keep_alive =
            std::shared_ptr<void>(nullptr, [disk](void*) { ::umount2(disk.c_str(), MNT_DETACH); });
        command.expected = "(no space left on the device)";
    } else {
        command.limits.max_file_bytes = 64 * 1024;
    }
    args_before_output.push_back(disk + "/" + output_name);
    command.args = std::move(args_before_output);
    return command;
}

// Rows about option values: well-formed observations aggregated with `options`.
std::function<Command(const std::string&)>
aggregateObservationsWith(const std::vector<std::string>& options) {
    return [options](const std::string& dir) {
        Command command{{"aggregate", observations(dir), dir + "/uit.gpkg"}, ""};
        command.args.insert(command.args.end(), options.begin(), options.end());
        return command;
    };
}

// `check MAP.pdf --project kaart.qgs --layout Kaart` on the PDF `bytes`; the project has the
// layout, so every refusal comes from the PDF.
Command checkPdf(const std::string& dir, const std::string& bytes) {
    const std::string pdf = writeFile(dir, "kaart.pdf", bytes);
    writeFile(dir, "obs.geojson", R"({"type": "FeatureCollection", "features": []})");
    const std::string qgs = writeFile(
        dir, "kaart.qgs",
        std::string(kProject).replace(std::string(kProject).find("</qgis>"), 7,
                                      "<Layouts><Layout name=\"Kaart\"/></Layouts></qgis>"));
    return Command{{"check", pdf, "--project", qgs, "--layout", "Kaart"}, pdf};
}

// A page tree whose only kid is a page with the text "Bron"; `pages` is the tree's dictionary.
std::string pdfWithPageTree(const std::string& pages) {
    const std::string text = "BT /F1 9 Tf 40 60 Td (Bron) Tj ET";
    return makePdfFromObjects(
        {"<< /Type /Catalog /Pages 2 0 R >>", pages,
         "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
         "<< /Length " + std::to_string(text.size()) + " >>\nstream\n" + text + "\nendstream",
         "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R "
         ">> >> /Contents 4 0 R >>"});
}

const double kNaN = std::numeric_limits<double>::quiet_NaN();
const double kInf = std::numeric_limits<double>::infinity();

// ---- The table -------------------------------------------------------------------------------

const HostileCase kCases[] = {
    // QGIS projects: .qgz archives.
    {"QgzTruncated",
     [](const std::string& dir) {
         const std::string bytes = readFile(qgz(dir, "heel.qgz"));
         fs::remove(dir + "/heel.qgz");
         const std::string path = writeFile(dir, "half.qgz", bytes.substr(0, bytes.size() / 2));
         return Command{{"inspect", path}, path};
     },
     3, "not a readable .qgz (zip) file"},
    {"QgzCorruptDeflateStream",
     [](const std::string& dir) {
         std::string bytes = readFile(qgz(dir, "heel.qgz"));
         fs::remove(dir + "/heel.qgz");
         // The local header is 30 bytes + name + extra field; the deflate stream follows.
         const auto u16 = [&](std::size_t at) {
             return static_cast<std::size_t>(static_cast<unsigned char>(bytes[at])) |
                    static_cast<std::size_t>(static_cast<unsigned char>(bytes[at + 1])) << 8;
         };
         const std::size_t data = 30 + u16(26) + u16(28);
         for (std::size_t i = data; i < data + 40; ++i) {
             bytes[i] = static_cast<char>(0xff);
         }
         const std::string path = writeFile(dir, "kapot.qgz", bytes);
         return Command{{"inspect", path}, path};
     },
     3, "corrupt .qgz"},
    {"QgzZipBomb",
     [](const std::string& dir) {
         // 32 MiB of one character deflate about a thousandfold.
         const std::string path = writeZip(
             dir + "/bom.qgz",
             {{"kaart.qgs", "<qgis><title>" + std::string(32u << 20, 'a') + "</title></qgis>"}});
         return Command{{"check", path, "--action", "publish"}, path};
     },
     3, "refusing a zip bomb"},
    {"QgzTenThousandEntries",
     [](const std::string& dir) {
         std::vector<std::pair<std::string, std::string>> entries;
         for (int i = 0; i < 10000; ++i) {
             entries.emplace_back("f" + std::to_string(i) + ".txt", "");
         }
         entries.emplace_back("kaart.qgs", kProject);
         const std::string path = writeZip(dir + "/veel.qgz", entries);
         return Command{{"inspect", path}, path};
     },
     3, ".qgz holds 10001 entries"},
    {"QgzWithoutProject",
     [](const std::string& dir) {
         const std::string path = writeZip(dir + "/leeg.qgz", {{"readme.txt", "geen project"}});
         return Command{{"attribution", path}, path};
     },
     3, ".qgz holds no .qgs project"},
    {"QgzPathTraversalEntry",
     [](const std::string& dir) {
         const std::string path =
             writeZip(dir + "/pad.qgz", {{"../../kaart.qgs", kProject}, {"/etc/evil.qgd", "x"}});
         return Command{{"inspect", path}, path};
     },
     3, "entry \"../../kaart.qgs\" points outside the archive"},

    // QGIS projects: XML.
    {"XmlBillionLaughs",
     [](const std::string& dir) {
         const std::string path = writeFile(dir, "lach.qgs", entityBomb());
         return Command{{"inspect", path}, path};
     },
     3, "XML entity declarations are not allowed"},
    {"XmlExternalEntity",
     [](const std::string& dir) {
         const std::string path = writeFile(
             dir, "xxe.qgs",
             "<?xml version=\"1.0\"?>\n<!DOCTYPE qgis [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
             "\n<qgis><title>&x;</title></qgis>\n");
         return Command{{"check", path, "--action", "publish"}, path};
     },
     3, "XML entity declarations are not allowed"},
    {"Xml100MBSingleLine",
     [](const std::string& dir) {
         const std::string path = singleLine100MB(dir);
         return Command{{"inspect", path}, path};
     },
     3, "not a valid QGIS project"},
    {"EmptyProjectFile",
     [](const std::string& dir) {
         const std::string path = writeFile(dir, "leeg.qgs", "");
         return Command{{"inspect", path}, path};
     },
     3, "not a valid QGIS project"},
    {"ProjectThatIsNotXml",
     [](const std::string& dir) {
         const std::string path =
             writeFile(dir, "binair.qgs", std::string("\x89PNG\r\n\x1a\n\0\0", 10));
         return Command{{"inspect", path}, path};
     },
     3, "not a valid QGIS project"},
    {"InvalidUtf8InProjectFileName",
     [](const std::string& dir) {
         const std::string path = writeFile(dir, "kaart\xff\xfe.qgs", "<html/>");
         return Command{{"inspect", path}, path};
     },
     3, "no <qgis> root element"},
    {"InvalidUtf8InLayerNameIsReportedReplaced",
     [](const std::string& dir) {
         std::string text = kProject;
         const std::string name = "Waarnemingen";
         text.replace(text.find(name), name.size(), "Waar\xff\xfenemingen");
         writeFile(dir, "obs.geojson", R"({"type": "FeatureCollection", "features": []})");
         const std::string path = writeFile(dir, "utf.qgs", text);
         return Command{{"inspect", path, "--format", "json"}, path};
     },
     0, "\"name\": \"Waar\xef\xbf\xbd\xef\xbf\xbdnemingen\""},
    {"ProjectIsADirectory",
     [](const std::string& dir) {
         fs::create_directory(dir + "/map.qgs");
         return Command{{"inspect", dir + "/map.qgs"}, dir + "/map.qgs"};
     },
     3, "is a directory"},
    {"UnreadableProject",
     [](const std::string& dir) {
         const std::string path = dir + "/geheim.qgs";
         if (geteuid() != 0) {
             project(dir, "geheim.qgs");
             fs::permissions(path, fs::perms::none);
             return Command{{"inspect", path}, path, {}, {}, {}, "cannot open file"};
         }
         // Root reads a chmod 000 file; /proc/self/mem fails to read at offset 0 (EIO) for
         // anyone, so a project linked to it is unreadable even for root.
         fs::create_symlink("/proc/self/mem", path);
         return Command{{"inspect", path}, path, {}, {}, {}, "cannot read file (Input/output"};
     },
     3, "set by the setup"},

    // Datasets.
    {"MissingDataset",
     [](const std::string& dir) {
         return Command{{"check", dir + "/weg.gpkg", "--action", "publish"}, dir + "/weg.gpkg"};
     },
     3, "no such file"},
    {"LineBreakInAFileName",
     [](const std::string& dir) {
         return Command{{"inspect", dir + "/kaart\ngeolicence: ok.qgs"}, "kaart\\ngeolicence"};
     },
     3, "no such file"},
    {"MissingAggregateInput",
     [](const std::string& dir) {
         return Command{{"aggregate", dir + "/weg.gpkg", dir + "/uit.gpkg"}, dir + "/weg.gpkg"};
     },
     3, "no such file"},
    {"GeoPackageThatIsNotSqlite",
     [](const std::string& dir) {
         const std::string path = writeFile(dir, "nep.gpkg", "dit is geen SQLite-bestand\n");
         return Command{{"aggregate", path, dir + "/uit.gpkg"}, path};
     },
     3, "nep.gpkg"},
    {"CheckGeoPackageThatIsNotSqlite",
     [](const std::string& dir) {
         const std::string path = writeFile(dir, "nep.gpkg", std::string(4096, '\x07'));
         return Command{{"check", path, "--action", "publish"}, path};
     },
     3, "nep.gpkg: not a readable vector dataset: not a vector format GDAL can read"},
    {"BindGeoPackageThatIsNotSqlite",
     [](const std::string& dir) {
         const std::string path = writeFile(dir, "nep.gpkg", "SQLite format 3\0 maar kapot");
         return Command{{"bind", path, "--licence", "cc0-1.0"}, path};
     },
     3, "nep.gpkg"},
    {"CorruptGeometryBlobsAreCountedInvalid",
     [](const std::string& dir) {
         const std::string path = observations(dir);
         // A GeoPackage header (GP, version 0, flags: little endian, no envelope) and garbage.
         sql(path, "UPDATE obs SET geom = X'4750000140710000DEADBEEF' WHERE fid <= 2");
         return Command{{"aggregate", path, dir + "/uit.gpkg", "--licence", "cc0-1.0"},
                        path,
                        {},
                        {"uit.gpkg"}};
     },
     0, "invalid 2"},
    // check reads a dataset's licence, never its geometries: the blobs do not matter to it.
    {"CheckCorruptGeometryBlobs",
     [](const std::string& dir) {
         const std::string path = observations(dir);
         EXPECT_EQ(runCli({"bind", path, "--licence", "cc0-1.0"}).exit_code, 0);
         sql(path, "UPDATE obs SET geom = randomblob(64)");
         return Command{{"check", path, "--action", "publish"}, path};
     },
     0, "publish: PERMITTED"},
    // A corrupt binding is a finding of the check (exit 1), as for a layer of a project.
    {"CorruptLicenceMetadata",
     [](const std::string& dir) {
         const std::string path = observations(dir);
         EXPECT_EQ(runCli({"bind", path, "--licence", "cc0-1.0"}).exit_code, 0);
         sql(path, "UPDATE gpkg_metadata SET metadata = '{\"licence\": ['");
         return Command{{"check", path, "--action", "publish"}, path};
     },
     1, "obs.gpkg (gpkg_metadata): licence binding is not valid JSON"},
    // Nesting that would overflow the stack of a recursive walker is refused before parsing,
    // in the provenance chain (bind --derived-from of a hostile input) and in the options.
    {"DeeplyNestedProvenanceInASidecar",
     [](const std::string& dir) {
         const std::string path = points(dir, "obs.geojson", {{155100, 463100}});
         std::string chain;
         for (int i = 0; i < 100000; ++i) {
             chain += R"({"source": "x", "licences": [], "derived_from": [)";
         }
         for (int i = 0; i < 100000; ++i) {
             chain += "]}";
         }
         writeFile(dir, "obs.geojson.licence.json",
                   R"({"licence": "cc0-1.0", "derived_from": [)" + chain + "]}");
         const std::string out = points(dir, "out.geojson", {{155100, 463100}});
         return Command{{"bind", out, "--derived-from", path}, path + ".licence.json"};
     },
     3, "licence binding nests deeper than 256 levels"},
    {"DeeplyNestedOptionsInASidecar",
     [](const std::string& dir) {
         const std::string path = points(dir, "obs.geojson", {{155100, 463100}});
         writeFile(dir, "obs.geojson.licence.json",
                   R"({"licence": "cc0-1.0", "options": )" + std::string(100000, '[') +
                       std::string(100000, ']') + "}");
         return Command{{"check", path, "--action", "publish"}, path + ".licence.json"};
     },
     1, "licence binding nests deeper than 256 levels"},
    {"NanAndInfiniteCoordinatesAreCountedNotGridded",
     [](const std::string& dir) {
         const std::string path =
             points(dir, "nan.gpkg", {{155100, 463100}, {1, 1}, {2, 2}, {3, 3}, {4, 4}});
         sql(path, "UPDATE obs SET geom = " + gpkgPointBlob(kNaN, 463100) + " WHERE fid = 2;" +
                       "UPDATE obs SET geom = " + gpkgPointBlob(155100, kInf) + " WHERE fid = 3;" +
                       "UPDATE obs SET geom = " + gpkgPointBlob(-kInf, kNaN) + " WHERE fid = 4;" +
                       "UPDATE obs SET geom = " + gpkgPointBlob(1e308, -1e308) + " WHERE fid = 5");
         return Command{{"aggregate", path, dir + "/uit.gpkg", "--report", dir + "/rapport.json",
                         "--licence", "cc0-1.0"},
                        path,
                        {},
                        {"rapport.json", "uit.gpkg"}};
     },
     0, "NaN/infinite 3, transformation failed 0, out of range 1)"},
    {"EmptyLayer",
     [](const std::string& dir) {
         const std::string path = points(dir, "leeg.gpkg", {});
         return Command{{"aggregate", path, dir + "/uit.gpkg", "--licence", "cc0-1.0"},
                        path,
                        {},
                        {"uit.gpkg"}};
     },
     0, "features read        0"},
    {"LayerWithoutGeometry",
     [](const std::string& dir) {
         const std::string path = writeFile(dir, "tabel.csv", "soort,aantal\nBufo bufo,2\n");
         return Command{{"aggregate", path, dir + "/uit.gpkg"}, path};
     },
     3, "has no geometry"},
    {"InputWithoutCrs",
     [](const std::string& dir) {
         const std::string path = points(dir, "zonder.gpkg", {{155100, 463100}}, 0);
         return Command{{"aggregate", path, dir + "/uit.gpkg"}, path};
     },
     3, "--input-crs"},
    {"InputWithBogusCrs",
     [](const std::string& dir) {
         const std::string path = observations(dir);
         sql(path, "INSERT INTO gpkg_spatial_ref_sys VALUES ('kapot', 777777, 'NONE', 777777, "
                   "'PROJCS[\"kapot\",GEOGCS[\"nergens\"]]', NULL); UPDATE "
                   "gpkg_geometry_columns SET srs_id = 777777; UPDATE gpkg_contents SET srs_id "
                   "= 777777");
         return Command{{"aggregate", path, dir + "/uit.gpkg"}, path};
     },
     3, "obs.gpkg"},
    {"BogusInputCrsOption",
     [](const std::string& dir) {
         const std::string path = points(dir, "zonder.gpkg", {{155100, 463100}}, 0);
         return Command{{"aggregate", path, dir + "/uit.gpkg", "--input-crs", "EPSG:999999"}, ""};
     },
     3, "\"EPSG:999999\" is not a coordinate reference system"},
    {"GeoJsonWithInvalidStructure",
     [](const std::string& dir) {
         const std::string path = writeFile(
             dir, "vorm.geojson",
             R"({"type": "FeatureCollection", "features": {"type": "Point", "coordinates": "x"}})");
         return Command{{"aggregate", path, dir + "/uit.gpkg"}, path};
     },
     3, "vorm.geojson"},
    {"CsvWithGarbageWkt",
     [](const std::string& dir) {
         const std::string path = writeFile(dir, "wkt.csv",
                                            "WKT,soort\n\"POINT (155100 463100)\",a\n"
                                            "\"POINT (nonsense\",b\n\"\x01\x02\",c\n");
         return Command{{"aggregate", path, dir + "/uit.gpkg", "--input-crs", "EPSG:28992",
                         "--licence", "cc0-1.0"},
                        path,
                        {},
                        {"uit.gpkg"}};
     },
     0, "no geometry 2"},
    {"GroupByMissingField",
     [](const std::string& dir) {
         const std::string path = observations(dir);
         return Command{{"aggregate", path, dir + "/uit.gpkg", "--group-by", "sort"}, path};
     },
     3, "has no field \"sort\""},
    {"SumOfATextField",
     [](const std::string& dir) {
         const std::string path = observations(dir);
         return Command{{"aggregate", path, dir + "/uit.gpkg", "--sum", "soort"}, path};
     },
     3, "only numbers can be summed"},
    {"InvalidUtf8InAttributeValues",
     [](const std::string& dir) {
         const std::string path = dir + "/utf.gpkg";
         writeTestLayer(path, "GPKG", 28992, {{"soort", OFTString}},
                        {{std::make_pair(155100.0, 463100.0), "", {"Bufo\xff\xfe"}}}, "obs");
         return Command{{"aggregate", path, dir + "/uit.geojson", "--group-by", "soort",
                         "--licence", "cc0-1.0"},
                        path,
                        {},
                        {"uit.geojson", "uit.geojson.licence.json"}};
     },
     0, "accounted for        all 1 features"},

    // Output.
    {"OutputDirectoryUnderARegularFile",
     [](const std::string& dir) {
         const std::string path = observations(dir);
         writeFile(dir, "bestand.txt", "no directory");
         return Command{{"aggregate", path, dir + "/bestand.txt/uit.gpkg"},
                        dir + "/bestand.txt/uit.gpkg"};
     },
     2, "bestand.txt is not a directory"},
    {"OutputDirectoryNotWritable",
     [](const std::string& dir) {
         const std::string path = observations(dir);
         fs::create_directory(dir + "/alleen-lezen");
         Command command{{"aggregate", path, dir + "/alleen-lezen/uit.gpkg"},
                         dir + "/alleen-lezen/uit.gpkg"};
         makeReadOnly(dir + "/alleen-lezen", command);
         return command;
     },
     3, "cannot write"},
    {"OutputDiskFull",
     [](const std::string& dir) {
         const std::string path = points(dir, "veel.gpkg", [] {
             std::vector<std::pair<double, double>> xy;
             for (int i = 0; i < 3000; ++i) {
                 xy.emplace_back(150500 + 1000 * (i % 60), 460500 + 1000 * (i / 60));
             }
             return xy;
         }());
         Command command = onFullDisk(dir, {"aggregate", path}, "uit.gpkg");
         command.names = command.args.back();
         return command;
     },
     3, "uit.gpkg"},
    {"OutputFileSizeLimit",
     [](const std::string& dir) {
         const std::string path = observations(dir);
         Command command{{"aggregate", path, dir + "/uit.fgb"}, dir + "/uit.fgb"};
         command.limits.max_file_bytes = 512; // FlatGeobuf: the header alone is larger
         return command;
     },
     3, "uit.fgb"},
    {"AggregateOntoItsOwnInput",
     [](const std::string& dir) {
         const std::string path = observations(dir);
         return Command{{"aggregate", path, path, "--overwrite"}, path};
     },
     2, "would overwrite the input"},
    {"OutputExistsWithoutOverwrite",
     [](const std::string& dir) {
         const std::string path = observations(dir);
         writeFile(dir, "uit.gpkg", "kostbaar");
         return Command{{"aggregate", path, dir + "/uit.gpkg"}, dir + "/uit.gpkg"};
     },
     2, "exists; use --overwrite"},
    {"UnknownGrid", aggregateObservationsWith({"--grid", "hexagon"}), 2, "hexagon"},
    {"CellSizeZero", aggregateObservationsWith({"--cell-size", "0"}), 2, "--cell-size 0"},
    {"CellSizeNegative", aggregateObservationsWith({"--cell-size", "-1000"}), 2,
     "--cell-size -1000"},
    {"CellSizeNaN", aggregateObservationsWith({"--cell-size", "nan"}), 2, "--cell-size"},

    // Nesting deep enough to overflow a recursive walker, in a context file and in a profile:
    // refused with the file named, never a crash.
    {"DeeplyNestedContextFile",
     [](const std::string& dir) {
         const std::string path = project(dir);
         const std::string context =
             writeFile(dir, "context.json",
                       R"({"purpose": "x", "extra": )" + std::string(200000, '[') +
                           std::string(200000, ']') + "}");
         return Command{{"check", path, "--action", "publish", "--context", context}, context};
     },
     3, "context.json"},
    {"DeeplyNestedProfile",
     [](const std::string& dir) {
         fs::create_directory(dir + "/profielen");
         writeFile(dir + "/profielen", "diep.json",
                   R"({"id": "diep", "rules": )" + std::string(200000, '[') +
                       std::string(200000, ']') + "}");
         return Command{{"licences", "list", "--catalog", dir + "/profielen"},
                        dir + "/profielen/diep.json"};
     },
     3, "diep.json"},

    // Licence profiles.
    {"ProfileExtendsCycle",
     [](const std::string& dir) {
         fs::create_directory(dir + "/profielen");
         profile(dir + "/profielen", "kip", "\"extends\": [\"ei\"],");
         profile(dir + "/profielen", "ei", "\"extends\": [\"kip\"],");
         return Command{{"licences", "list", "--catalog", dir + "/profielen"}, dir + "/profielen"};
     },
     3, "inheritance cycle"},
    {"ProfileWithUnknownOption",
     [](const std::string& dir) {
         const std::string path = profile(
             dir, "onbekend",
             R"("options": [{"name": "kleur", "type": "string", "meaning": {"nl": "k", "en": "c"}}],)");
         return Command{{"licences", "validate", path}, path};
     },
     3, "kleur"},
    {"ProfileOfBinaryGarbage",
     [](const std::string& dir) {
         std::string garbage(2048, '\0');
         for (std::size_t i = 0; i < garbage.size(); ++i) {
             garbage[i] = static_cast<char>((i * 7919 + 13) % 256);
         }
         const std::string path = writeFile(dir, "rommel.json", garbage);
         return Command{{"licences", "validate", path}, path};
     },
     3, "invalid JSON"},
    {"ProfileNested100000Deep",
     [](const std::string& dir) {
         const std::string path =
             writeFile(dir, "diep.json",
                       "{\"id\": " + std::string(100000, '[') + std::string(100000, ']') + "}");
         return Command{{"licences", "validate", path}, path};
     },
     3, "diep.json"},

    // Context and option values.
    {"ContextWithWrongTypes",
     [](const std::string& dir) {
         const std::string context = writeFile(dir, "context.json", R"({"cell_size_m": "1km"})");
         return Command{{"check", project(dir), "--action", "publish", "--context", context},
                        context};
     },
     3, "\"cell_size_m\" must be a number"},
    {"ContextDateInTheWrongFormat",
     [](const std::string& dir) {
         const std::string context = writeFile(dir, "context.json", R"({"date": "31-12-2026"})");
         return Command{{"check", project(dir), "--action", "publish", "--context", context},
                        context};
     },
     3, "\"date\" must be a date"},
    {"OptionDateInTheWrongFormat",
     [](const std::string& dir) {
         const std::string path = observations(dir, "obs.geojson");
         return Command{{"bind", path, "--licence", "ndff-uitvoerportaal", "--option",
                         "project_end=31-12-2026"},
                        ""};
     },
     2, "project_end"},
    {"UnknownOptionOnBind",
     [](const std::string& dir) {
         const std::string path = observations(dir, "obs.geojson");
         return Command{{"bind", path, "--licence", "cc0-1.0", "--option", "kleur=rood"}, ""};
     },
     2, "kleur"},
    // Exported maps (check MAP.pdf --project P --layout L).
    {"PdfTruncated",
     [](const std::string& dir) {
         const std::string pdf = makePdf({{{40, 60, "Bron : Grootschalig Referentie Bestand"}}});
         return checkPdf(dir, pdf.substr(0, pdf.size() / 3));
     },
     3, "kaart.pdf: damaged PDF, cannot be read"},
    {"PdfThatIsAProject", [](const std::string& dir) { return checkPdf(dir, kProject); }, 3,
     "kaart.pdf: not a PDF (no %PDF- header)"},
    {"PdfEmptyFile", [](const std::string& dir) { return checkPdf(dir, ""); }, 3,
     "kaart.pdf: not a PDF"},
    {"PdfPageTreeLoop",
     [](const std::string& dir) {
         return checkPdf(dir, pdfWithPageTree("<< /Type /Pages /Kids [2 0 R 5 0 R] /Count 2 >>"));
     },
     3, "of the PDF cannot be read (error: Loop in Pages tree)"},
    {"PdfClaimingTwoBillionPages",
     [](const std::string& dir) {
         return checkPdf(dir,
                         pdfWithPageTree("<< /Type /Pages /Kids [5 0 R] /Count 2000000000 >>"));
     },
     3, "kaart.pdf: no page of the PDF can be read"},
    {"PdfPasswordProtected",
     [](const std::string& dir) {
         const std::string plain = writeFile(dir, "open.pdf", makePdf({{{40, 60, "Bron"}}}));
         const std::string locked = dir + "/locked.pdf";
         EXPECT_EQ(runShell("qpdf --encrypt geheim eigenaar 256 -- " + plain + " " + locked).first,
                   0);
         Command command = checkPdf(dir, readFile(locked));
         fs::remove(plain);
         fs::remove(locked);
         return command;
     },
     3, "kaart.pdf: the PDF is protected by a password"},
    {"PdfWithAMissingProject",
     [](const std::string& dir) {
         Command command = checkPdf(dir, makePdf({{{40, 60, "Bron"}}}));
         command.args[3] = dir + "/weg.qgs";
         command.names = dir + "/weg.qgs";
         return command;
     },
     3, "no such file"},
    {"BindInAReadOnlyDirectory",
     [](const std::string& dir) {
         fs::create_directory(dir + "/alleen-lezen");
         const std::string path = observations(dir + "/alleen-lezen", "obs.geojson");
         Command command{{"bind", path, "--licence", "cc0-1.0"}, path};
         makeReadOnly(dir + "/alleen-lezen", command);
         return command;
     },
     3, "obs.geojson.licence.json: cannot write file ("},
};

// ---- The runner ------------------------------------------------------------------------------

// Everything under `dir`, with the content of each file: what a run may not change.
std::map<std::string, std::string> snapshot(const std::string& dir) {
    std::map<std::string, std::string> entries;
    std::error_code error;
    for (auto it = fs::recursive_directory_iterator(dir, error);
         it != fs::recursive_directory_iterator(); it.increment(error)) {
        const fs::path& path = it->path();
        const fs::file_status status = fs::symlink_status(path, error);
        std::string state;
        if (fs::is_symlink(status)) {
            state = "-> " + fs::read_symlink(path, error).string();
        } else if (fs::is_directory(status)) {
            state = "dir";
        } else {
            const auto size = fs::file_size(path, error);
            // Big files by size and time; hashing 100 MB after each run is time for nothing.
            state = size > (16u << 20)
                        ? std::to_string(size) + "@" +
                              std::to_string(
                                  fs::last_write_time(path, error).time_since_epoch().count())
                        : std::to_string(std::hash<std::string>{}(readFile(path.string())));
        }
        entries[fs::relative(path, dir).string()] = state;
    }
    return entries;
}

void PrintTo(const HostileCase& row, std::ostream* out) {
    *out << row.name;
}

class HostileInput : public ::testing::TestWithParam<HostileCase> {};

TEST_P(HostileInput, OneClearLineNoOutputNoHang) {
    const HostileCase& row = GetParam();
    const std::string dir = makeTempDir();
    Command command = row.setup(dir);
    const auto before = snapshot(dir);

    CliLimits limits = command.limits;
    limits.timeout = kTimeBound;
    const auto start = std::chrono::steady_clock::now();
    const CliResult result = runCli(command.args, {}, limits);
    const auto took = std::chrono::steady_clock::now() - start;

    ASSERT_FALSE(result.timed_out) << "still running after " << kTimeBound.count() << " s";
    EXPECT_EQ(result.exit_code, row.exit_code) << result.err << result.out;
    auto after = snapshot(dir);
    if (row.exit_code == 0 || row.exit_code == 1) {
        // Warnings (e.g. cc0-1.0 cannot record the cell size) may be given; no error.
        std::istringstream lines(result.err);
        for (std::string line; std::getline(lines, line);) {
            EXPECT_EQ(line.rfind("geolicence: warning: ", 0), 0U) << result.err;
        }
        EXPECT_NE(result.out.find(row.expected), std::string::npos) << result.out;
        for (const std::string& created : command.creates) {
            EXPECT_EQ(after.erase(created), 1U) << created << " was not written";
        }
    } else {
        EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
        EXPECT_EQ(result.err.rfind("geolicence: ", 0), 0U) << result.err;
        const std::string expected = command.expected.empty() ? row.expected : command.expected;
        EXPECT_NE(result.err.find(expected), std::string::npos) << result.err;
        EXPECT_NE(result.err.find(command.names), std::string::npos) << result.err;
    }
    EXPECT_EQ(after, before) << "a file was left, changed or removed";
    EXPECT_LT(took, std::chrono::seconds(10)) << "refused, but slowly";

    // The 100 MB line and the like go now, not at the end of the whole run.
    command.keep_alive.reset(); // unmount before removing
    std::error_code ignored;
    fs::permissions(dir, fs::perms::owner_all, fs::perm_options::add, ignored);
    fs::remove_all(dir, ignored);
}

INSTANTIATE_TEST_SUITE_P(Cases, HostileInput, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<HostileCase>& param_info) {
                             return std::string(param_info.param.name);
                         });

TEST(HostileInputTable, HasAtLeastThirtyCases) {
    EXPECT_GE(std::size(kCases), 30U);
}

} // namespace
} // namespace geolicence::test
