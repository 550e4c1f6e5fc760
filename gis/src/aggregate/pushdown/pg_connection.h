#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct pg_conn;

namespace geolicence::detail {

// libpq's connection parameters for a GDAL "PG:" connection string (or a postgresql:// URI):
// the keywords GDAL passes on to libpq as they are. nullopt when the string uses GDAL's own
// keywords (active_schema, schemas, tables), which change what a layer name means.
std::optional<std::vector<std::pair<std::string, std::string>>>
libpqParameters(const std::string& gdal_source);

// A row of a text result; nullopt is SQL NULL.
using TextRow = std::vector<std::optional<std::string>>;

// One connection to PostgreSQL through libpq, for what GDAL's driver cannot do: run a query
// without a cursor (a cursor rules out parallel workers), and stream its result with COPY in
// binary, without parsing text per value.
class PgConnection {
public:
    // InputError with libpq's message (which never contains the password).
    explicit PgConnection(const std::vector<std::pair<std::string, std::string>>& parameters);
    ~PgConnection();
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    // A statement with text parameters ($1, $2, ...), its rows as text. InputError on failure.
    std::vector<TextRow> query(const std::string& sql,
                               const std::vector<std::string>& parameters = {});

    // Runs `COPY (select) TO STDOUT (FORMAT binary)` and hands every row to `row` as its
    // fields (nullopt: NULL), in the wire format of their types. Asks `keep_going` a few times
    // a second while the server works; when it says stop, the query is cancelled on the server
    // and Cancelled thrown. InputError when the server reports an error.
    using BinaryField = std::optional<std::string_view>;
    void copyBinary(const std::string& select,
                    const std::function<void(const std::vector<BinaryField>&)>& row,
                    const std::function<bool()>& keep_going);

private:
    [[noreturn]] void fail(const std::string& what) const;
    // Waits up to 0.1 s for data from the server; cancels the query when `keep_going` says stop.
    void waitForInput(const std::function<bool()>& keep_going);
    void cancel();

    pg_conn* connection_ = nullptr;
};

// Values of COPY's binary format (network byte order).
std::int32_t pgInt4(std::string_view bytes);
std::int64_t pgInt8(std::string_view bytes);
double pgFloat8(std::string_view bytes);

// SQL spellings: "name" with quotes doubled, 'text' with quotes doubled.
std::string quoteIdentifier(std::string_view name);
std::string quoteLiteral(std::string_view text);

} // namespace geolicence::detail
