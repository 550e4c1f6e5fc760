#include "aggregate/write/geopackage_fill.h"

#include "aggregate/arrow_column.h"
#include "aggregate/write/early_writeback.h"

#include <geolicence/errors.h>

#include <cmath>
#include <cstring>
#include <future>
#include <limits>
#include <memory>
#include <sqlite3.h>
#include <vector>

namespace geolicence::detail {

namespace {

constexpr std::size_t kRowsPerStatement = 32;
// Header without envelope, then the WKB of a polygon of 5 points. The envelope is optional in
// GeoPackage blobs ("no envelope: space saving"); the R-tree has every cell's box already, and
// leaving it out makes the file 16% smaller: 87 MB less to write for 2.7 M cells.
constexpr std::size_t kBlobSize = 8 + 93;

std::string identifier(const std::string& name) {
    std::string out = "\"";
    for (char c : name) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    return out + "\"";
}

class Database {
public:
    explicit Database(const std::filesystem::path& path) : path_(path.string()) {
        if (sqlite3_open_v2(path_.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                            nullptr) != SQLITE_OK) {
            // sqlite3_open_v2 hands out a handle even when it fails; the destructor will
            // not run after a throw from here, so it is closed before throwing.
            const std::string message =
                db_ != nullptr ? sqlite3_errmsg(db_) : std::string("out of memory");
            sqlite3_close(db_);
            db_ = nullptr;
            throw InputError(path_ + ": cannot open the new GeoPackage: " + message);
        }
    }
    ~Database() { sqlite3_close(db_); }
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    [[noreturn]] void fail(const std::string& what) const {
        throw InputError(path_ + ": " + what + ": " +
                         (db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory"));
    }

    void exec(const std::string& sql) {
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
            fail("cannot write");
        }
    }

    sqlite3* handle() const { return db_; }

private:
    std::string path_;
    sqlite3* db_ = nullptr;
};

class Statement {
public:
    Statement(Database& db, const std::string& sql) : db_(db) {
        if (sqlite3_prepare_v2(db.handle(), sql.c_str(), -1, &statement_, nullptr) != SQLITE_OK) {
            db.fail("cannot prepare " + sql.substr(0, 40));
        }
    }
    ~Statement() { sqlite3_finalize(statement_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    sqlite3_stmt* get() const { return statement_; }

    bool step() {
        const int status = sqlite3_step(statement_);
        if (status != SQLITE_ROW && status != SQLITE_DONE) {
            db_.fail("cannot write");
        }
        return status == SQLITE_ROW;
    }
    // Every parameter is bound anew before each run (nulls too), so bindings need no clearing.
    void run() {
        step();
        sqlite3_reset(statement_);
    }
    std::string text(int column) const {
        const unsigned char* value = sqlite3_column_text(statement_, column);
        return value != nullptr ? reinterpret_cast<const char*>(value) : "";
    }

private:
    Database& db_;
    sqlite3_stmt* statement_ = nullptr;
};

template <typename T> void appendLittle(std::vector<unsigned char>& out, T value) {
    unsigned char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T)); // x86-64 / arm64: already little-endian
    out.insert(out.end(), bytes, bytes + sizeof(T));
}

template <typename T> void putBig(unsigned char* out, T value) {
    unsigned char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    for (std::size_t i = 0; i < sizeof(T); ++i) {
        out[i] = bytes[sizeof(T) - 1 - i];
    }
}

// A GeoPackage geometry blob of an axis-aligned square: header with the srs_id and no
// envelope, then little-endian WKB of a one-ring polygon.
void squareBlob(std::vector<unsigned char>& blob, std::int32_t srs_id, const Envelope& box) {
    blob.clear();
    blob.push_back('G');
    blob.push_back('P');
    blob.push_back(0);    // version 1
    blob.push_back(0x01); // little-endian, no envelope
    appendLittle(blob, srs_id);
    blob.push_back(1);                    // WKB little-endian
    appendLittle(blob, std::uint32_t{3}); // Polygon
    appendLittle(blob, std::uint32_t{1}); // one ring
    appendLittle(blob, std::uint32_t{5});
    const double corners[5][2] = {{box.min_x, box.min_y},
                                  {box.max_x, box.min_y},
                                  {box.max_x, box.max_y},
                                  {box.min_x, box.max_y},
                                  {box.min_x, box.min_y}};
    for (const auto& corner : corners) {
        appendLittle(blob, corner[0]);
        appendLittle(blob, corner[1]);
    }
}

std::string dateTimeText(std::int64_t millis) {
    std::string text = isoDateTime(millis);
    if (text.size() == 19) {
        text += ".000";
    }
    return text + "Z";
}

// The SQLite rtree module stores coordinates as 32-bit floats, rounded outwards.
float down(double value) {
    float f = static_cast<float>(value);
    if (static_cast<double>(f) > value) {
        f = std::nextafter(f, -std::numeric_limits<float>::infinity());
    }
    return f;
}
float up(double value) {
    float f = static_cast<float>(value);
    if (static_cast<double>(f) < value) {
        f = std::nextafter(f, std::numeric_limits<float>::infinity());
    }
    return f;
}

// Rows encoded for SQLite: everything bound with SQLITE_STATIC lives here until the insert.
struct RowBlock {
    CellBlock rows;                   // rows.count == 0: the stream has ended
    double fraction = 0;              // how far the stream was after this block
    std::vector<unsigned char> blobs; // kBlobSize per row
    std::vector<std::string> codes;
    std::vector<std::string> short_codes;
    std::vector<std::string> dates; // per row and aggregate: the text of a date, or ""
};

// Takes the next block of rows from the stream and encodes it.
RowBlock buildBlock(CellStream& stream, std::int32_t srs_id) {
    RowBlock block;
    if (!stream.next(block.rows)) {
        block.rows.count = 0;
        block.fraction = 1.0;
        return block;
    }
    block.fraction = stream.fraction();
    const CellTable& cells = *block.rows.table;
    const Grid& grid = stream.grid();
    const std::size_t first = block.rows.first;
    const std::size_t count = block.rows.count;
    block.blobs.reserve(count * kBlobSize);
    block.codes.reserve(count);
    const auto& aggregates = stream.aggregateFields();
    bool dates = false;
    for (const AggregateField& field : aggregates) {
        dates = dates || field.kind == FieldKind::Date || field.kind == FieldKind::DateTime;
    }
    std::vector<unsigned char> blob;
    for (std::size_t row = first; row < first + count; ++row) {
        const CellIndex cell = cells.cell(row);
        squareBlob(blob, srs_id, grid.bounds(cell));
        block.blobs.insert(block.blobs.end(), blob.begin(), blob.end());
        block.codes.push_back(grid.code(cell));
        if (grid.hasShortCode()) {
            block.short_codes.push_back(grid.shortCode(cell));
        }
        for (std::size_t i = 0; dates && i < aggregates.size(); ++i) {
            const auto value = cells.aggregate(row, i);
            std::string text;
            if (value && aggregates[i].kind == FieldKind::Date) {
                text = isoDate(std::get<std::int64_t>(*value));
            } else if (value && aggregates[i].kind == FieldKind::DateTime) {
                text = dateTimeText(std::get<std::int64_t>(*value));
            }
            block.dates.push_back(std::move(text));
        }
    }
    return block;
}

void bindText(sqlite3_stmt* statement, int parameter, const std::string& text) {
    sqlite3_bind_text(statement, parameter, text.c_str(), static_cast<int>(text.size()),
                      SQLITE_STATIC);
}

// Binds row `r` of `block` at `parameter` onwards, in column order.
void bindRow(sqlite3_stmt* statement, int& parameter, const RowBlock& block, std::size_t r) {
    const CellTable& cells = *block.rows.table;
    const std::size_t row = block.rows.first + r;
    sqlite3_bind_blob(statement, parameter++, block.blobs.data() + r * kBlobSize,
                      static_cast<int>(kBlobSize), SQLITE_STATIC);
    bindText(statement, parameter++, block.codes[r]);
    if (cells.grid().hasShortCode()) {
        bindText(statement, parameter++, block.short_codes[r]);
    }
    for (const GroupValue& value : cells.groupValues(row)) {
        if (const auto* integer = std::get_if<std::int64_t>(&value)) {
            sqlite3_bind_int64(statement, parameter, *integer);
        } else if (const auto* real = std::get_if<double>(&value)) {
            sqlite3_bind_double(statement, parameter, *real);
        } else if (const auto* text = std::get_if<std::string>(&value)) {
            bindText(statement, parameter, *text);
        } else {
            sqlite3_bind_null(statement, parameter);
        }
        ++parameter;
    }
    sqlite3_bind_int64(statement, parameter++, cells.count(row));
    const auto& aggregates = cells.aggregateFields();
    for (std::size_t i = 0; i < aggregates.size(); ++i, ++parameter) {
        const auto value = cells.aggregate(row, i);
        if (!value) {
            sqlite3_bind_null(statement, parameter);
        } else if (aggregates[i].kind == FieldKind::Real) {
            sqlite3_bind_double(statement, parameter, std::get<double>(*value));
        } else if (aggregates[i].kind == FieldKind::Date ||
                   aggregates[i].kind == FieldKind::DateTime) {
            bindText(statement, parameter, block.dates[r * aggregates.size() + i]);
        } else {
            sqlite3_bind_int64(statement, parameter, std::get<std::int64_t>(*value));
        }
    }
}

struct RtreeEntry {
    std::int64_t id; // a fid in a leaf, a node number above
    float min_x, max_x, min_y, max_y;
};

// A packed R-tree in the on-disk layout of SQLite's rtree module (ext/rtree/rtree.c): every node
// a blob of the root's size, big-endian: the tree depth (meaningful in the root, node 1), the
// number of cells, then per cell a 64-bit id and minx, maxx, miny, maxy as 32-bit floats. The
// leaves take the rows in output order, which is spatially coherent (by cell column, then row).
//
// The leaf entries are made from the cells as they are needed rather than kept (the stream
// replays them in row order): at millions of rows that is tens of megabytes the memory budget
// does not have.
void bulkLoadRtree(Database& db, const std::string& rtree, const Grid& grid, std::size_t rows,
                   CellReplay& cells, const EarlyWriteback& writeback) {
    if (rows == 0) {
        return;
    }
    std::size_t replayed = 0;
    const auto leafEntry = [&](std::size_t row) {
        CellIndex cell;
        if (row != replayed++ || !cells.next(cell)) {
            db.fail("spatial index " + rtree + ": the cells are out of step with the rows");
        }
        const Envelope box = grid.bounds(cell);
        return RtreeEntry{static_cast<std::int64_t>(row + 1), down(box.min_x), up(box.max_x),
                          down(box.min_y), up(box.max_y)};
    };
    Statement size_query(db, "SELECT length(data) FROM " + identifier(rtree + "_node") +
                                 " WHERE nodeno = 1");
    if (!size_query.step()) {
        db.fail("spatial index " + rtree + " has no root node");
    }
    const int node_size = sqlite3_column_int(size_query.get(), 0);
    const int fanout = (node_size - 4) / 24;
    if (fanout < 2) {
        db.fail("unexpected spatial index node size");
    }

    Statement node(db, "INSERT OR REPLACE INTO " + identifier(rtree + "_node") +
                           " (nodeno, data) VALUES (?, ?)");
    Statement parent(db, "INSERT INTO " + identifier(rtree + "_parent") +
                             " (nodeno, parentnode) VALUES (?, ?)");

    // Which leaf holds each row: the leaves take the rows in order, `fanout` at a time, and are
    // numbered first (from 2, or 1 when the root is the only leaf). There are as many of these
    // as output rows, so the rowid (= fid) is left to SQLite: in the empty table it hands out
    // 1, 2, 3, ... in insertion order and appends, where an explicit rowid costs a B-tree
    // search per row (2.7 M rows: 0.8 s -> 0.3 s). Many rows per statement, as for the rows.
    {
        const std::int64_t first_leaf = rows <= static_cast<std::size_t>(fanout) ? 1 : 2;
        const std::string rowid_table = identifier(rtree + "_rowid");
        Statement empty(db, "SELECT count(*) FROM " + rowid_table);
        if (!empty.step() || sqlite3_column_int64(empty.get(), 0) != 0) {
            db.fail("spatial index " + rtree + " is not empty");
        }
        const auto statementFor = [&](std::size_t values) {
            std::string sql = "INSERT INTO " + rowid_table + " (nodeno) VALUES ";
            for (std::size_t i = 0; i < values; ++i) {
                sql += i == 0 ? "(?)" : ", (?)";
            }
            return std::make_unique<Statement>(db, sql);
        };
        constexpr std::size_t kPerStatement = 256;
        const std::unique_ptr<Statement> full = statementFor(kPerStatement);
        for (std::size_t first = 0; first < rows; first += kPerStatement) {
            const std::size_t n = std::min(kPerStatement, rows - first);
            std::unique_ptr<Statement> tail;
            Statement& insert = n == kPerStatement ? *full : *(tail = statementFor(n));
            for (std::size_t i = 0; i < n; ++i) {
                sqlite3_bind_int64(insert.get(), static_cast<int>(i + 1),
                                   first_leaf + static_cast<std::int64_t>((first + i) / fanout));
            }
            insert.run();
            if (first % (kPerStatement * 1024) == 0) {
                writeback.kick();
            }
        }
        Statement last(db, "SELECT max(rowid) FROM " + rowid_table);
        if (!last.step() ||
            sqlite3_column_int64(last.get(), 0) != static_cast<std::int64_t>(rows)) {
            db.fail("spatial index " + rtree + ": row ids out of step with the features");
        }
    }

    // Node numbers: the root is 1, every other node gets the next free number as it is built.
    std::int64_t next_node = 2;
    int depth = 0;
    std::vector<unsigned char> data(static_cast<std::size_t>(node_size));
    std::vector<RtreeEntry> entries; // the level below, once above the leaves
    std::size_t level_size = rows;
    while (true) {
        const std::size_t count = (level_size + fanout - 1) / fanout;
        const bool root = count == 1;
        std::vector<RtreeEntry> above;
        above.reserve(count);
        for (std::size_t n = 0; n < count; ++n) {
            const std::size_t first = n * fanout;
            const std::size_t last = std::min(level_size, first + fanout);
            const std::int64_t number = root ? 1 : next_node++;
            std::fill(data.begin(), data.end(), 0);
            putBig(data.data(), static_cast<std::uint16_t>(root ? depth : 0));
            putBig(data.data() + 2, static_cast<std::uint16_t>(last - first));
            RtreeEntry box{number, std::numeric_limits<float>::infinity(),
                           -std::numeric_limits<float>::infinity(),
                           std::numeric_limits<float>::infinity(),
                           -std::numeric_limits<float>::infinity()};
            unsigned char* cell = data.data() + 4;
            for (std::size_t i = first; i < last; ++i, cell += 24) {
                const RtreeEntry e = depth == 0 ? leafEntry(i) : entries[i];
                putBig(cell, e.id);
                putBig(cell + 8, e.min_x);
                putBig(cell + 12, e.max_x);
                putBig(cell + 16, e.min_y);
                putBig(cell + 20, e.max_y);
                box.min_x = std::min(box.min_x, e.min_x);
                box.max_x = std::max(box.max_x, e.max_x);
                box.min_y = std::min(box.min_y, e.min_y);
                box.max_y = std::max(box.max_y, e.max_y);
            }
            sqlite3_bind_int64(node.get(), 1, number);
            sqlite3_bind_blob(node.get(), 2, data.data(), node_size, SQLITE_STATIC);
            node.run();
            above.push_back(box);
        }
        if (root) {
            return;
        }
        // Node numbers are consecutive per level and the level above is numbered next, so the
        // parent of node k of this level is node k / fanout of the next one.
        std::vector<RtreeEntry> level = std::move(above);
        const bool next_is_root = (level.size() + fanout - 1) / fanout == 1;
        for (std::size_t k = 0; k < level.size(); ++k) {
            const std::int64_t parent_number =
                next_is_root ? 1 : next_node + static_cast<std::int64_t>(k / fanout);
            sqlite3_bind_int64(parent.get(), 1, level[k].id);
            sqlite3_bind_int64(parent.get(), 2, parent_number);
            parent.run();
        }
        entries = std::move(level);
        level_size = entries.size();
        ++depth;
    }
}

} // namespace

void fillGeoPackage(const std::filesystem::path& path, const std::string& table, CellStream& cells,
                    const ProgressCallback& progress) {
    Database db(path);
    // A staged file: renamed into place when complete, deleted otherwise. Crash-safety of the
    // journal would only cost time.
    db.exec("PRAGMA synchronous = OFF; PRAGMA journal_mode = OFF; PRAGMA locking_mode = EXCLUSIVE; "
            "PRAGMA cache_size = -32768");

    std::string geometry_column;
    std::int32_t srs_id = 0;
    {
        Statement query(db, "SELECT g.column_name, g.srs_id FROM gpkg_geometry_columns g WHERE "
                            "g.table_name = ?");
        sqlite3_bind_text(query.get(), 1, table.c_str(), -1, SQLITE_TRANSIENT);
        if (!query.step()) {
            db.fail("layer " + table + " is not a feature table");
        }
        geometry_column = query.text(0);
        srs_id = sqlite3_column_int(query.get(), 1);
    }
    std::vector<std::string> columns;
    {
        Statement query(db, "SELECT name FROM pragma_table_info(?) ORDER BY cid");
        sqlite3_bind_text(query.get(), 1, table.c_str(), -1, SQLITE_TRANSIENT);
        while (query.step()) {
            columns.push_back(query.text(0));
        }
    }
    const Grid& grid = cells.grid();
    const std::size_t first_group = grid.hasShortCode() ? 4 : 3;
    const std::size_t count_column = first_group + cells.groupFields().size();
    const std::size_t expected = count_column + 1 + cells.aggregateFields().size();
    if (columns.size() != expected) {
        db.fail("layer " + table + " has " + std::to_string(columns.size()) + " columns, not " +
                std::to_string(expected));
    }

    db.exec("BEGIN");
    // The triggers keep the spatial index and the feature count up to date row by row; they are
    // set aside while the rows go in and restored after both are written in bulk.
    std::vector<std::pair<std::string, std::string>> triggers;
    {
        Statement query(db, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND "
                            "tbl_name = ?");
        sqlite3_bind_text(query.get(), 1, table.c_str(), -1, SQLITE_TRANSIENT);
        while (query.step()) {
            triggers.emplace_back(query.text(0), query.text(1));
        }
    }
    for (const auto& trigger : triggers) {
        db.exec("DROP TRIGGER " + identifier(trigger.first));
    }

    // Several rows per INSERT: the AUTOINCREMENT bookkeeping and the statement overhead are then
    // paid once per statement, not once per row.
    std::string prefix = "INSERT INTO " + identifier(table) + " (";
    std::string tuple = "(";
    // The fid (first column) is left to SQLite: in an empty table it hands out 1, 2, 3, ... in
    // insertion order, appending without a search per row.
    for (std::size_t i = 1; i < columns.size(); ++i) {
        prefix += (i == 1 ? "" : ", ") + identifier(columns[i]);
        tuple += i == 1 ? "?" : ", ?";
    }
    prefix += ") VALUES ";
    tuple += ")";
    const auto insertOf = [&](std::size_t rows_per_statement) {
        std::string sql = prefix;
        for (std::size_t i = 0; i < rows_per_statement; ++i) {
            sql += (i == 0 ? "" : ", ") + tuple;
        }
        return std::make_unique<Statement>(db, sql);
    };
    const std::unique_ptr<Statement> full = insertOf(kRowsPerStatement);

    Envelope extent{
        std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity(),
        -std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
    // Taking rows from the stream (a merge of spilled runs, perhaps) and encoding them (geometry
    // blobs, codes, dates) runs on the other core, a block ahead of SQLite.
    cells.rememberCells();
    const auto build = [&cells, srs_id] { return buildBlock(cells, srs_id); };
    const EarlyWriteback writeback(path);
    std::future<RowBlock> next = std::async(std::launch::async, build);
    std::size_t rows = 0;
    while (true) {
        const RowBlock block = next.get();
        if (block.rows.count == 0) {
            break;
        }
        next = std::async(std::launch::async, build);
        for (std::size_t i = 0; i < block.rows.count; i += kRowsPerStatement) {
            const std::size_t n = std::min(kRowsPerStatement, block.rows.count - i);
            std::unique_ptr<Statement> tail;
            Statement& insert = n == kRowsPerStatement ? *full : *(tail = insertOf(n));
            int parameter = 1;
            for (std::size_t r = i; r < i + n; ++r) {
                bindRow(insert.get(), parameter, block, r);
            }
            insert.run();
        }
        for (std::size_t r = 0; r < block.rows.count; ++r) {
            const Envelope box = grid.bounds(block.rows.table->cell(block.rows.first + r));
            extent.min_x = std::min(extent.min_x, box.min_x);
            extent.min_y = std::min(extent.min_y, box.min_y);
            extent.max_x = std::max(extent.max_x, box.max_x);
            extent.max_y = std::max(extent.max_y, box.max_y);
        }
        rows += block.rows.count;
        writeback.kick();
        if (progress && !progress(0.95 * block.fraction)) {
            next = {}; // waits for the block being built, then drops it
            throw Cancelled();
        }
    }

    const std::unique_ptr<CellReplay> replay = cells.replayCells();
    bulkLoadRtree(db, "rtree_" + table + "_" + geometry_column, grid, rows, *replay, writeback);
    writeback.kick();
    {
        Statement update(db, "UPDATE gpkg_ogr_contents SET feature_count = ? WHERE "
                             "lower(table_name) = lower(?)");
        sqlite3_bind_int64(update.get(), 1, static_cast<std::int64_t>(rows));
        sqlite3_bind_text(update.get(), 2, table.c_str(), -1, SQLITE_TRANSIENT);
        update.run();
    }
    if (rows > 0) {
        Statement update(db, "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? "
                             "WHERE lower(table_name) = lower(?)");
        sqlite3_bind_double(update.get(), 1, extent.min_x);
        sqlite3_bind_double(update.get(), 2, extent.min_y);
        sqlite3_bind_double(update.get(), 3, extent.max_x);
        sqlite3_bind_double(update.get(), 4, extent.max_y);
        sqlite3_bind_text(update.get(), 5, table.c_str(), -1, SQLITE_TRANSIENT);
        update.run();
    }
    for (const auto& trigger : triggers) {
        db.exec(trigger.second);
    }
    db.exec("COMMIT");
    writeback.kick();
}

} // namespace geolicence::detail
