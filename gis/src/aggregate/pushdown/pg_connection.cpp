#include "aggregate/pushdown/pg_connection.h"

#include <geolicence/detail/ascii_case.h>
#include <geolicence/errors.h>
#include <geolicence/progress.h>

#include <cerrno>
#include <cstring>
#include <libpq-fe.h>
#include <sys/select.h>

namespace geolicence::detail {

namespace {

// The first line of a libpq or server message, without its trailing newline.
std::string firstLine(const char* message) {
    std::string text = message != nullptr ? message : "";
    const std::size_t end = text.find('\n');
    if (end != std::string::npos) {
        text.resize(end);
    }
    return text;
}

struct ResultDeleter {
    void operator()(PGresult* result) const { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

template <typename T> T bigEndian(std::string_view bytes) {
    T value{};
    if (bytes.size() != sizeof(T)) {
        throw InputError("PostgreSQL sent a value of " + std::to_string(bytes.size()) +
                         " bytes where " + std::to_string(sizeof(T)) + " were expected");
    }
    unsigned char swapped[sizeof(T)];
    for (std::size_t i = 0; i < sizeof(T); ++i) {
        swapped[i] = static_cast<unsigned char>(bytes[sizeof(T) - 1 - i]);
    }
    std::memcpy(&value, swapped, sizeof(T));
    return value;
}

} // namespace

std::optional<std::vector<std::pair<std::string, std::string>>>
libpqParameters(const std::string& gdal_source) {
    std::vector<std::pair<std::string, std::string>> parameters;
    const std::string lower = lowerAscii(gdal_source);
    if (lower.rfind("postgresql://", 0) == 0 || lower.rfind("postgres://", 0) == 0) {
        parameters.emplace_back("dbname", gdal_source); // libpq expands a URI given as dbname
        return parameters;
    }
    if (lower.rfind("pg:", 0) != 0) {
        return std::nullopt;
    }
    // libpq's conninfo syntax: keyword = value, separated by spaces; a value may be quoted
    // with single quotes, and backslash escapes a character either way.
    const std::string_view text = std::string_view(gdal_source).substr(3);
    std::size_t i = 0;
    const auto spaces = [&] {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n')) {
            ++i;
        }
    };
    while (true) {
        spaces();
        if (i >= text.size()) {
            break;
        }
        std::string keyword;
        while (i < text.size() && text[i] != '=' && text[i] != ' ' && text[i] != '\t') {
            keyword += text[i++];
        }
        spaces();
        if (i >= text.size() || text[i] != '=' || keyword.empty()) {
            return std::nullopt;
        }
        ++i;
        spaces();
        std::string value;
        if (i < text.size() && text[i] == '\'') {
            ++i;
            bool closed = false;
            while (i < text.size()) {
                if (text[i] == '\\' && i + 1 < text.size()) {
                    value += text[i + 1];
                    i += 2;
                } else if (text[i] == '\'') {
                    ++i;
                    closed = true;
                    break;
                } else {
                    value += text[i++];
                }
            }
            if (!closed) {
                return std::nullopt;
            }
        } else {
            while (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != '\n') {
                if (text[i] == '\\' && i + 1 < text.size()) {
                    ++i;
                }
                value += text[i++];
            }
        }
        const std::string key = lowerAscii(keyword);
        if (key == "active_schema" || key == "schemas" || key == "tables") {
            return std::nullopt;
        }
        parameters.emplace_back(keyword, value);
    }
    return parameters;
}

PgConnection::PgConnection(const std::vector<std::pair<std::string, std::string>>& parameters) {
    std::vector<const char*> keywords;
    std::vector<const char*> values;
    for (const auto& [keyword, value] : parameters) {
        keywords.push_back(keyword.c_str());
        values.push_back(value.c_str());
    }
    keywords.push_back("client_encoding");
    values.push_back("UTF8");
    keywords.push_back(nullptr);
    values.push_back(nullptr);
    connection_ = PQconnectdbParams(keywords.data(), values.data(), 1);
    if (connection_ == nullptr || PQstatus(connection_) != CONNECTION_OK) {
        const std::string message =
            connection_ != nullptr ? firstLine(PQerrorMessage(connection_)) : "out of memory";
        PQfinish(connection_);
        connection_ = nullptr;
        throw InputError("cannot connect: " + message);
    }
    // libpq prints the server's notices (ST_IsValid explains every invalid geometry it meets)
    // on stderr unless told otherwise; the core prints nothing.
    PQsetNoticeProcessor(
        connection_, [](void*, const char*) {}, nullptr);
}

PgConnection::~PgConnection() {
    PQfinish(connection_);
}

void PgConnection::fail(const std::string& what) const {
    throw InputError(what + ": " + firstLine(PQerrorMessage(connection_)));
}

std::vector<TextRow> PgConnection::query(const std::string& sql,
                                         const std::vector<std::string>& parameters) {
    std::vector<const char*> values;
    for (const std::string& value : parameters) {
        values.push_back(value.c_str());
    }
    const Result result(PQexecParams(connection_, sql.c_str(), static_cast<int>(values.size()),
                                     nullptr, values.data(), nullptr, nullptr, 0));
    const ExecStatusType status = PQresultStatus(result.get());
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        throw InputError(firstLine(PQresultErrorMessage(result.get())));
    }
    std::vector<TextRow> rows;
    for (int r = 0; r < PQntuples(result.get()); ++r) {
        TextRow row;
        for (int c = 0; c < PQnfields(result.get()); ++c) {
            if (PQgetisnull(result.get(), r, c) != 0) {
                row.emplace_back(std::nullopt);
            } else {
                row.emplace_back(PQgetvalue(result.get(), r, c));
            }
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

void PgConnection::cancel() {
    if (PGcancel* handle = PQgetCancel(connection_)) {
        char message[256];
        PQcancel(handle, message, sizeof message);
        PQfreeCancel(handle);
    }
    // Whatever is still in flight is dropped with the connection.
    PQfinish(connection_);
    connection_ = nullptr;
}

void PgConnection::waitForInput(const std::function<bool()>& keep_going) {
    if (keep_going && !keep_going()) {
        cancel();
        throw Cancelled();
    }
    const int socket = PQsocket(connection_);
    fd_set ready;
    FD_ZERO(&ready);
    FD_SET(socket, &ready);
    timeval wait{0, 100000};
    if (select(socket + 1, &ready, nullptr, nullptr, &wait) < 0 && errno != EINTR) {
        fail("waiting for the server failed");
    }
    if (PQconsumeInput(connection_) == 0) {
        fail("reading from the server failed");
    }
}

void PgConnection::copyBinary(const std::string& select,
                              const std::function<void(const std::vector<BinaryField>&)>& row,
                              const std::function<bool()>& keep_going) {
    const std::string sql = "COPY (" + select + ") TO STDOUT (FORMAT binary)";
    if (PQsendQuery(connection_, sql.c_str()) == 0) {
        fail("cannot send the query");
    }
    // The server may think for a long time (it groups everything before the first row): wait on
    // the socket in short steps, so that Ctrl-C is noticed.
    while (PQisBusy(connection_) != 0) {
        waitForInput(keep_going);
    }
    {
        const Result started(PQgetResult(connection_));
        if (PQresultStatus(started.get()) != PGRES_COPY_OUT) {
            const std::string message = firstLine(PQresultErrorMessage(started.get()));
            while (Result rest{PQgetResult(connection_)}) {
            }
            throw InputError(message);
        }
    }
    bool header = true;
    std::vector<BinaryField> fields;
    while (true) {
        char* buffer = nullptr;
        const int size = PQgetCopyData(connection_, &buffer, 1);
        if (size == 0) {
            waitForInput(keep_going);
            continue;
        }
        if (size == -1) {
            break; // the copy is complete
        }
        if (size < 0) {
            fail("reading the result failed");
        }
        const std::unique_ptr<char, void (*)(void*)> owned(buffer, PQfreemem);
        std::string_view data(buffer, static_cast<std::size_t>(size));
        if (header) {
            // "PGCOPY\n\377\r\n\0", flags, header extension length and extension.
            constexpr std::string_view kSignature("PGCOPY\n\377\r\n\0", 11);
            if (data.size() < 19 || data.substr(0, 11) != kSignature) {
                throw InputError("PostgreSQL sent no binary COPY header");
            }
            const std::int32_t extension = pgInt4(data.substr(15, 4));
            data.remove_prefix(19 + static_cast<std::size_t>(extension));
            header = false;
            if (data.empty()) {
                continue;
            }
        }
        if (data.size() < 2) {
            throw InputError("PostgreSQL sent a truncated row");
        }
        const auto count = static_cast<std::int16_t>((static_cast<unsigned char>(data[0]) << 8) |
                                                     static_cast<unsigned char>(data[1]));
        if (count == -1) {
            continue; // the trailer
        }
        data.remove_prefix(2);
        fields.clear();
        for (int i = 0; i < count; ++i) {
            if (data.size() < 4) {
                throw InputError("PostgreSQL sent a truncated row");
            }
            const std::int32_t length = pgInt4(data.substr(0, 4));
            data.remove_prefix(4);
            if (length < 0) {
                fields.emplace_back(std::nullopt);
                continue;
            }
            if (data.size() < static_cast<std::size_t>(length)) {
                throw InputError("PostgreSQL sent a truncated row");
            }
            fields.emplace_back(data.substr(0, static_cast<std::size_t>(length)));
            data.remove_prefix(static_cast<std::size_t>(length));
        }
        row(fields);
    }
    while (PQisBusy(connection_) != 0) {
        waitForInput(keep_going);
    }
    const Result result(PQgetResult(connection_));
    const bool ok = PQresultStatus(result.get()) == PGRES_COMMAND_OK;
    const std::string message = firstLine(PQresultErrorMessage(result.get()));
    while (Result rest{PQgetResult(connection_)}) {
    }
    if (!ok) {
        throw InputError(message);
    }
}

std::int32_t pgInt4(std::string_view bytes) {
    return bigEndian<std::int32_t>(bytes);
}

std::int64_t pgInt8(std::string_view bytes) {
    return bigEndian<std::int64_t>(bytes);
}

double pgFloat8(std::string_view bytes) {
    return bigEndian<double>(bytes);
}

std::string quoteIdentifier(std::string_view name) {
    std::string out = "\"";
    for (const char c : name) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    return out + "\"";
}

std::string quoteLiteral(std::string_view text) {
    std::string out = "'";
    for (const char c : text) {
        out += c;
        if (c == '\'') {
            out += '\'';
        }
    }
    return out + "'";
}

} // namespace geolicence::detail
