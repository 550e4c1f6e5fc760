#include "aggregate/pushdown/postgis_pushdown.h"

#include "aggregate/accumulate/cell_accumulator.h"
#include "aggregate/arrow_column.h"
#include "aggregate/read/group_dictionary.h"
#include "aggregate/read/source_layer.h"

#include <geolicence/errors.h>
#include <geolicence/progress.h>

#include <charconv>
#include <cmath>
#include <cstring>
#include <map>

namespace geolicence::detail {

namespace {

// Why a row of the grouping query is no output row: the local path's reasons, by number.
enum Why : std::int32_t {
    kUsed = 0,
    kNullGeometry = 1,
    kEmpty = 2,
    kInvalid = 3,
    kNonFinite = 4,
    kOutOfRange = 5,
    kSuppressed = 6,  // the summary row of the rows below the minimum count
    kUnsupported = 9, // curves, surfaces, TINs: GDAL linearises them its own way
};

// The grouping memory PostgreSQL may use for this session (hash_mem_multiplier times this): with
// the server's default of 4 MB, millions of groups spill to disk there.
constexpr std::int64_t kWorkMemBytes = std::int64_t{256} << 20;

std::string wireType(Wire wire) {
    switch (wire) {
    case Wire::Text:
    case Wire::NumericText:
        return "text";
    case Wire::Int4:
        return "int4";
    case Wire::Int8:
        return "int8";
    case Wire::Float8:
        return "float8";
    }
    return "text";
}

std::string floatLiteral(double value) {
    char text[64];
    const auto [end, error] = std::to_chars(text, text + sizeof text, value);
    return std::string(text, error == std::errc() ? end : text) + "::float8";
}

struct Relation {
    std::string oid;
    std::string name; // "schema"."table", quoted
};

// The grouping query for a point column (typmod Point), lean: the common case, where the
// general query's steps cost more than the grouping itself. One step takes x and y (each PostGIS
// call once per row; OFFSET 0 keeps PostgreSQL from repeating them at every reference); the
// grouping is flattened onto it, so each row costs a few float8 operations:
//  - a row is usable when x and y lie in [lo, hi): finite, within 2^52 and in a 32-bit cell
//    (NULL, NaN and the infinities fail the comparisons), two comparisons per coordinate;
//  - its cell: an estimate of floor(v / size) within one of it, floor((v + size) / size) - 1
//    (the shift keeps a tiny coordinate from underflowing, which PostgreSQL reports as an
//    error), corrected with the exact products as Grid::indexOf corrects it, so the cell is the
//    exact floor, as there;
//  - why a row is not used is only worked out for such rows, and travels in cy where cx is NULL,
//    so it is no grouping key of its own; the group values of skipped rows are left as they are
//    (the reader ignores them), so they need no CASE per row either.
// The cells are cast to int4 per group, not per row, in the outer step. The output has the lean
// columns (PushdownQuery::lean): cx, cy, the group values, n, the aggregates.
std::string leanPointQuery(const std::string& relation, const std::string& columns,
                           double cell_size, const std::vector<std::string>& groups,
                           std::size_t inputs, const std::vector<std::string>& aggregates) {
    const std::string size = floatLiteral(cell_size);
    constexpr double kMaxCoordinate = 4503599627370496.0; // 2^52, as Grid::indexOf
    const double cell_limit = 2147483648.0 * cell_size;   // 2^31 cells, exact
    // v >= lo and v < hi (v <= 2^52 where 2^31 cells reach further than 2^52).
    const auto inRange = [&](const std::string& v) {
        return cell_limit <= kMaxCoordinate ? v + " >= " + floatLiteral(-cell_limit) + " AND " + v +
                                                  " < " + floatLiteral(cell_limit)
                                            : v + " >= " + floatLiteral(-kMaxCoordinate) + " AND " +
                                                  v + " <= " + floatLiteral(kMaxCoordinate);
    };
    const std::string usable = inRange("x") + " AND " + inRange("y");
    const auto estimate = [&size](const std::string& v) {
        return "(floor((" + v + " + " + size + ") / " + size + ") - 1::float8)";
    };
    const auto cell = [&](const std::string& v) {
        const std::string q = estimate(v);
        return q + " - CASE WHEN " + q + " * " + size + " > " + v + " THEN 1::float8 WHEN (" + q +
               " + 1::float8) * " + size + " <= " + v + " THEN -1::float8 ELSE 0::float8 END";
    };
    std::string carried;
    for (std::size_t i = 0; i < groups.size(); ++i) {
        carried += ", g" + std::to_string(i);
    }
    for (std::size_t i = 0; i < inputs; ++i) {
        carried += ", v" + std::to_string(i);
    }
    const std::string located = "SELECT ST_X(geom) AS x, ST_Y(geom) AS y, geom IS NULL AS nul" +
                                carried + " FROM (SELECT " + columns + " FROM " + relation +
                                ") s OFFSET 0";
    std::string grouped =
        "SELECT CASE WHEN " + usable + " THEN " + cell("x") + " END AS cx, CASE WHEN " + usable +
        " THEN " + cell("y") + " WHEN nul THEN " + std::to_string(kNullGeometry) +
        " WHEN x IS NULL OR y IS NULL THEN " + std::to_string(kEmpty) +
        " WHEN NOT (x > '-Infinity'::float8 AND x < 'Infinity'::float8 AND "
        "y > '-Infinity'::float8 AND y < 'Infinity'::float8) THEN " +
        std::to_string(kNonFinite) + " ELSE " + std::to_string(kOutOfRange) + " END AS cy";
    std::string outer = "SELECT cx::int4 AS cx, cy::int4 AS cy";
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const std::string g = "g" + std::to_string(i);
        grouped += ", " + groups[i] + " AS " + g;
        outer += ", " + g;
    }
    grouped += ", count(*)::int8 AS n";
    outer += ", n";
    for (std::size_t i = 0; i < aggregates.size(); ++i) {
        const std::string a = "a" + std::to_string(i);
        grouped += ", " + aggregates[i] + " AS " + a;
        outer += ", " + a;
    }
    grouped += " FROM (" + located + ") p GROUP BY 1, 2";
    for (std::size_t i = 0; i < groups.size(); ++i) {
        grouped += ", " + std::to_string(3 + i);
    }
    return outer + " FROM (" + grouped + ") a";
}

// The grouping query: Grid::indexOf and the local path's reasons for skipping a feature, in
// SQL, on the same doubles (PostgreSQL's float8 is IEEE binary64, as ours). Each PostGIS call
// is made once per row in a subquery of its own (OFFSET 0 keeps PostgreSQL from merging it into
// the next): merged, the expressions would repeat each other's function calls at every
// reference, hundreds of times per row.
//
// Steps: the columns and why a feature has no point (null, empty, curved or other geometries
// GDAL linearises its own way, non-finite, invalid lines and polygons: GEOS as GDAL calls it);
// its point (the GEOS centroid for anything but a point); x and y; then in one step the cell
// (the quotient's floor, corrected where the division rounded) and the last reasons
// (non-finite, beyond 2^52, cells beyond 32 bits). A point column has a query of its own
// (leanPointQuery).
std::string groupingQuery(const std::string& relation, const std::string& columns, double cell_size,
                          const std::vector<std::string>& groups, std::size_t inputs,
                          const std::vector<std::string>& aggregates) {
    const std::string size = floatLiteral(cell_size);
    std::string carried; // group values and inputs, passed on from step to step
    for (std::size_t i = 0; i < groups.size(); ++i) {
        carried += ", g" + std::to_string(i);
    }
    for (std::size_t i = 0; i < inputs; ++i) {
        carried += ", v" + std::to_string(i);
    }
    const std::string table = "(SELECT " + columns + " FROM " + relation + ") s";
    const std::string classified =
        "SELECT geom, ST_GeometryType(geom) AS kind, CASE "
        "WHEN geom IS NULL THEN 1 "
        "WHEN ST_IsEmpty(geom) THEN 2 "
        "WHEN ST_HasArc(geom) OR ST_GeometryType(geom) NOT IN ('ST_Point', 'ST_MultiPoint', "
        "'ST_LineString', 'ST_MultiLineString', 'ST_Polygon', 'ST_MultiPolygon', "
        "'ST_GeometryCollection') THEN 9 "
        "WHEN ST_GeometryType(geom) = 'ST_Point' THEN 0 "
        "WHEN NOT (ST_XMin(geom) > '-Infinity'::float8 AND ST_XMax(geom) < 'Infinity'::float8 "
        "AND ST_YMin(geom) > '-Infinity'::float8 AND ST_YMax(geom) < 'Infinity'::float8) "
        "THEN 4 "
        "WHEN ST_GeometryType(geom) <> 'ST_MultiPoint' AND NOT ST_IsValid(geom) THEN 3 "
        "ELSE 0 END AS why0" +
        carried + " FROM " + table + " OFFSET 0";
    const std::string centred =
        "SELECT why0, CASE WHEN why0 = 0 THEN CASE WHEN kind = 'ST_Point' THEN geom ELSE "
        "ST_Centroid(geom) END END AS pt, why0 = 0 AND kind <> 'ST_Point' AND "
        "(ST_XMax(geom) - ST_XMin(geom) > " +
        size + " OR ST_YMax(geom) - ST_YMin(geom) > " + size + ") AS big" + carried + " FROM (" +
        classified + ") c OFFSET 0";
    const std::string located = // why0, x, y, big
        "SELECT CASE WHEN why0 = 0 AND (pt IS NULL OR ST_IsEmpty(pt)) THEN 3 ELSE why0 "
        "END AS why0, ST_X(pt) AS x, ST_Y(pt) AS y, big" +
        carried + " FROM (" + centred + ") p OFFSET 0";
    // The cell and the last reasons in three steps, each value computed once per row: merged
    // into one step, the quotient and its corrections were repeated at every reference (the
    // reason, the cell, the range test), which took 3 s of 5 s for 2,000,000 points (measured
    // with psql's \timing; README, "Aggregation at national scale"). The quotient is only
    // computed for finite coordinates within 2^52: elsewhere a product could overflow, which
    // PostgreSQL reports as an error.
    const std::string finite = "x > '-Infinity'::float8 AND x < 'Infinity'::float8 AND y > "
                               "'-Infinity'::float8 AND y < 'Infinity'::float8";
    const std::string in_range = "abs(x) <= 4503599627370496 AND abs(y) <= 4503599627370496";
    // Within a cell of the origin the quotient is 0 or -1 (and dividing a tiny coordinate would
    // underflow, which PostgreSQL reports as an error too).
    const auto quotient = [&size](const std::string& v) {
        return "CASE WHEN abs(" + v + ") < " + size + " THEN CASE WHEN " + v +
               " < 0 THEN -1::float8 ELSE 0::float8 END ELSE floor(" + v + " / " + size + ") END";
    };
    const std::string usable = "why0 = 0 AND fin AND inr";
    const std::string quotients =
        "SELECT why0, x, y, big, fin, inr, CASE WHEN " + usable + " THEN " + quotient("x") +
        " END AS qx, CASE WHEN " + usable + " THEN " + quotient("y") + " END AS qy" + carried +
        " FROM (SELECT why0, x, y, big, " + finite + " AS fin, " + in_range + " AS inr" + carried +
        " FROM (" + located + ") l OFFSET 0) f OFFSET 0";
    // The division rounds; the products are exact: one step down or up where it rounded.
    const auto cell = [&size](const std::string& q, const std::string& v) {
        return q + " - (" + q + " * " + size + " > " + v + ")::int + ((" + q + " + 1) * " + size +
               " <= " + v + ")::int";
    };
    const std::string cells = "SELECT why0, big, fin, inr, " + cell("qx", "x") + " AS cx, " +
                              cell("qy", "y") + " AS cy" + carried + " FROM (" + quotients +
                              ") q OFFSET 0";
    const std::string checked =
        "SELECT CASE WHEN why0 <> 0 THEN why0 WHEN NOT fin THEN 4 WHEN NOT inr THEN 5 WHEN NOT "
        "(cx BETWEEN -2147483648 AND 2147483647 AND cy BETWEEN -2147483648 AND 2147483647) "
        "THEN 5 ELSE 0 END AS why, big, cx, cy" +
        carried + " FROM (" + cells + ") c OFFSET 0";

    std::string grouped = "SELECT why, CASE WHEN why = 0 THEN cx::int4 END AS cx, "
                          "CASE WHEN why = 0 THEN cy::int4 END AS cy";
    for (std::size_t i = 0; i < groups.size(); ++i) {
        grouped += ", CASE WHEN why = 0 THEN " + groups[i] + " END AS g" + std::to_string(i);
    }
    grouped += ", count(*)::int8 AS n, (count(*) FILTER (WHERE big))::int8 AS nbig";
    for (std::size_t i = 0; i < aggregates.size(); ++i) {
        grouped += ", " + aggregates[i] + " AS a" + std::to_string(i);
    }
    grouped += ", 1::int8 AS nrows FROM (" + checked + ") w GROUP BY 1, 2, 3";
    for (std::size_t i = 0; i < groups.size(); ++i) {
        grouped += ", " + std::to_string(4 + i);
    }
    return grouped;
}

std::optional<Relation> findRelation(PgConnection& connection, const std::string& layer) {
    std::vector<std::string> candidates;
    const std::size_t dot = layer.find('.');
    if (dot != std::string::npos) {
        candidates.push_back(quoteIdentifier(layer.substr(0, dot)) + "." +
                             quoteIdentifier(layer.substr(dot + 1)));
    }
    candidates.push_back(quoteIdentifier(layer));
    for (const std::string& candidate : candidates) {
        const auto rows = connection.query(
            "SELECT c.oid::text, quote_ident(n.nspname) || '.' || quote_ident(c.relname) "
            "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n "
            "ON n.oid = c.relnamespace WHERE c.oid = pg_catalog.to_regclass($1)",
            {candidate});
        if (!rows.empty() && rows[0][0] && rows[0][1]) {
            return Relation{*rows[0][0], *rows[0][1]};
        }
    }
    return std::nullopt;
}

} // namespace

bool isPostgis(const SourceLayer& source) {
    return source.driverName() == "PostgreSQL";
}

PushdownQuery planPushdown(SourceLayer& source, const ReadPlan& plan, const AggregationSpec& spec,
                           const Grid& grid) {
    PushdownQuery query;
    const auto refuse = [&query](std::string why) {
        query.why_not = std::move(why);
        query.connection.reset();
        return std::move(query);
    };
    if (spec.assign != Assignment::Centroid) {
        return refuse("--assign intersects needs each feature's geometry here");
    }
    const std::string epsg = "EPSG:" + std::to_string(grid.epsg());
    if (!source.isInCrs(grid.epsg())) {
        return refuse("the layer is not in " + epsg + ", and PostGIS's ST_Transform does not " +
                      "always give the coordinates PROJ gives here, so the features are read " +
                      "and transformed here");
    }
    const auto parameters = libpqParameters(source.source());
    if (!parameters) {
        return refuse("the connection string uses GDAL's own options (active_schema, schemas, "
                      "tables)");
    }
    try {
        query.connection = std::make_unique<PgConnection>(*parameters);
    } catch (const InputError& e) {
        return refuse(e.what());
    }
    PgConnection& connection = *query.connection;

    // GDAL names a table with several geometry columns "table(column)".
    std::string layer = source.layerName();
    const std::string suffix = "(" + source.geometryColumn() + ")";
    if (layer.size() > suffix.size() &&
        layer.compare(layer.size() - suffix.size(), suffix.size(), suffix) == 0) {
        layer.resize(layer.size() - suffix.size());
    }
    std::optional<Relation> relation;
    std::map<std::string, std::string> types; // column name -> PostgreSQL type name
    try {
        relation = findRelation(connection, layer);
        if (!relation) {
            return refuse("layer " + layer + " is no table or view this connection finds");
        }
        for (const TextRow& row :
             connection.query("SELECT a.attname, t.typname FROM pg_catalog.pg_attribute a "
                              "JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
                              "WHERE a.attrelid = $1::oid AND a.attnum > 0 AND NOT a.attisdropped",
                              {relation->oid})) {
            if (row[0] && row[1]) {
                types[*row[0]] = *row[1];
            }
        }
    } catch (const InputError& e) {
        return refuse(e.what());
    }
    const auto typeOf = [&types](const std::string& column) {
        const auto found = types.find(column);
        return found == types.end() ? std::string() : found->second;
    };
    if (typeOf(source.geometryColumn()) != "geometry") {
        return refuse("column " + source.geometryColumn() + " is no PostGIS geometry");
    }
    const auto isInteger = [](const std::string& type) {
        return type == "int2" || type == "int4" || type == "int8";
    };

    // The table's columns under fixed names: the geometry, the group-by fields, the inputs.
    std::string columns = quoteIdentifier(source.geometryColumn()) + " AS geom";
    std::vector<std::string> group_expressions;
    for (std::size_t i = 0; i < plan.groups.size(); ++i) {
        const std::string& name = plan.groups[i].name;
        const std::string type = typeOf(name);
        const std::string column = "g" + std::to_string(i);
        columns += ", " + quoteIdentifier(name) + " AS g" + std::to_string(i);
        if (type == "text" || type == "varchar") {
            query.group_wires.push_back(Wire::Text);
            group_expressions.push_back(column);
        } else if (type == "int8") {
            query.group_wires.push_back(Wire::Int8);
            group_expressions.push_back(column);
        } else if (isInteger(type) || type == "bool") {
            query.group_wires.push_back(Wire::Int4);
            group_expressions.push_back(column + "::int4");
        } else if (type == "float8") {
            // NaN is no value to the local path (it is null there).
            query.group_wires.push_back(Wire::Float8);
            group_expressions.push_back("NULLIF(" + column + ", 'NaN'::float8)");
        } else if (type == "date") {
            query.group_wires.push_back(Wire::Int8);
            group_expressions.push_back("CASE WHEN isfinite(" + column + ") THEN (" + column +
                                        " - DATE '1970-01-01')::int8 END");
        } else {
            return refuse("group-by column " + name + " has type " + type);
        }
        query.group_kinds.push_back(plan.groups[i].kind);
    }
    std::map<std::string, std::string> input_columns;
    for (std::size_t i = 0; i < plan.inputs.size(); ++i) {
        const std::string alias = "v" + std::to_string(i);
        columns += ", " + quoteIdentifier(plan.inputs[i].name) + " AS " + alias;
        input_columns[plan.inputs[i].name] = alias;
    }
    std::vector<std::string> aggregate_expressions;
    for (const AggregateField& aggregate : plan.aggregates) {
        const std::string type = typeOf(aggregate.source);
        const std::string column = input_columns.at(aggregate.source);
        const std::string integer = type == "bool" ? column + "::int4" : column;
        const std::string function = aggregate.op == AggregateOp::Sum   ? "sum"
                                     : aggregate.op == AggregateOp::Min ? "min"
                                                                        : "max";
        if (aggregate.op == AggregateOp::Sum) {
            if (type == "int8") {
                // bigint sums are numeric in PostgreSQL: read as text, checked for 64 bits here.
                query.aggregate_wires.push_back(Wire::NumericText);
                aggregate_expressions.push_back("sum(" + column + ")::text");
            } else if (isInteger(type) || type == "bool") {
                query.aggregate_wires.push_back(Wire::Int8);
                aggregate_expressions.push_back("sum(" + integer + ")::int8");
            } else {
                return refuse("the sum of " + aggregate.source + " (" + type +
                              ") would be added up in another order there, and sums of reals " +
                              "then differ in the last digit");
            }
        } else if (isInteger(type) || type == "bool") {
            query.aggregate_wires.push_back(Wire::Int8);
            aggregate_expressions.push_back(function + "(" + integer + ")::int8");
        } else if (type == "float8") {
            query.aggregate_wires.push_back(Wire::Float8);
            aggregate_expressions.push_back(function + "(NULLIF(" + column + ", 'NaN'::float8))");
        } else if (type == "date") {
            query.aggregate_wires.push_back(Wire::Int8);
            aggregate_expressions.push_back("(" + function + "(" + column +
                                            ") FILTER (WHERE isfinite(" + column +
                                            ")) - DATE '1970-01-01')::int8");
        } else {
            return refuse("column " + aggregate.source + " has type " + type);
        }
        query.aggregate_sources.push_back(aggregate.source);
    }

    // A point column needs none of the tests for lines and polygons.
    bool points_only = false;
    try {
        const auto rows = connection.query(
            "SELECT postgis_typmod_type(a.atttypmod) FROM pg_catalog.pg_attribute a "
            "WHERE a.attrelid = $1::oid AND a.attname = $2",
            {relation->oid, source.geometryColumn()});
        points_only = !rows.empty() && rows[0][0] && rows[0][0]->rfind("Point", 0) == 0;
    } catch (const InputError&) {
        points_only = false; // an old PostGIS: the general query
    }
    const double cell_size = static_cast<double>(grid.cellSize());
    query.lean = points_only;
    query.rows_column = !points_only || spec.min_count > 1;
    query.sql = points_only ? leanPointQuery(relation->name, columns, cell_size, group_expressions,
                                             plan.inputs.size(), aggregate_expressions)
                            : groupingQuery(relation->name, columns, cell_size, group_expressions,
                                            plan.inputs.size(), aggregate_expressions);
    if (spec.min_count <= 1) {
        return query;
    }
    // Rows below the minimum count stay in the database; one summary row counts them (in the
    // lean answer: no cell, reason 6 in cy).
    const std::string k = std::to_string(spec.min_count);
    const std::string used = points_only ? "cx IS NOT NULL" : "why = 0";
    std::string summary = points_only ? "SELECT NULL::int4, 6" : "SELECT 6, NULL::int4, NULL::int4";
    for (const Wire wire : query.group_wires) {
        summary += ", NULL::" + wireType(wire);
    }
    summary += points_only ? ", sum(n)::int8" : ", sum(n)::int8, sum(nbig)::int8";
    for (const Wire wire : query.aggregate_wires) {
        summary += ", NULL::" + wireType(wire);
    }
    summary += ", count(*)::int8 FROM g WHERE " + used + " AND n < " + k;
    query.sql = "WITH g AS (" + query.sql + ") SELECT *" +
                (points_only ? ", NULL::int8 AS nrows" : "") + " FROM g WHERE NOT (" + used +
                ") OR n >= " + k + " UNION ALL " + summary;
    return query;
}

PushdownResult runPushdown(PushdownQuery& query, CellAccumulator& accumulator,
                           const std::function<bool()>& keep_going) {
    PushdownResult result;
    AggregationCounts& counts = result.counts;
    const std::size_t groups = query.group_wires.size();
    const std::size_t aggregates = query.aggregate_wires.size();
    // Column positions (PushdownQuery::lean).
    const std::size_t cx_column = query.lean ? 0 : 1;
    const std::size_t first_group = cx_column + 2;
    const std::size_t n_column = first_group + groups;
    const std::size_t first_aggregate = n_column + (query.lean ? 1 : 2);
    const std::size_t columns = first_aggregate + aggregates + (query.rows_column ? 1 : 0);
    GroupDictionary dictionary;
    std::string key;
    std::vector<std::uint64_t> results(aggregates);
    bool unsupported = false;

    const auto onRow = [&](const std::vector<PgConnection::BinaryField>& fields) {
        if (fields.size() != columns || !fields[n_column] ||
            (query.lean ? !fields[cx_column] && !fields[cx_column + 1]
                        : !fields[0] || !fields[n_column + 1])) {
            throw InputError("PostgreSQL's answer to the grouping query has an unexpected form");
        }
        const std::int32_t why = !query.lean         ? pgInt4(*fields[0])
                                 : fields[cx_column] ? std::int32_t{kUsed}
                                                     : pgInt4(*fields[cx_column + 1]);
        const std::int64_t n = pgInt8(*fields[n_column]);
        const std::int64_t big = query.lean ? 0 : pgInt8(*fields[n_column + 1]);
        counts.features_read += n;
        switch (why) {
        case kUsed:
        case kSuppressed:
            counts.features_used += n;
            counts.observations += n;
            counts.larger_than_cell += big;
            break;
        case kNullGeometry:
            counts.skipped.null_geometry += n;
            return;
        case kEmpty:
            counts.skipped.empty += n;
            return;
        case kInvalid:
            counts.skipped.invalid += n;
            return;
        case kNonFinite:
            counts.skipped.non_finite += n;
            return;
        case kOutOfRange:
            counts.skipped.out_of_range += n;
            return;
        default:
            unsupported = true;
            return;
        }
        if (why == kSuppressed) {
            if (!query.rows_column || !fields.back()) {
                throw InputError(
                    "PostgreSQL's answer to the grouping query has an unexpected form");
            }
            counts.observations_suppressed += n;
            counts.rows_suppressed += pgInt8(*fields.back());
            return;
        }
        if (!fields[cx_column] || !fields[cx_column + 1]) {
            throw InputError("PostgreSQL's answer to the grouping query has a row without a cell");
        }
        // The group tuple, encoded as FeatureBatcher encodes it (typed, length-prefixed).
        key.clear();
        for (std::size_t i = 0; i < groups; ++i) {
            const PgConnection::BinaryField& field = fields[first_group + i];
            if (!field) {
                key += 'N';
                continue;
            }
            switch (query.group_wires[i]) {
            case Wire::Text:
            case Wire::NumericText: {
                const auto size = static_cast<std::uint32_t>(field->size());
                key += 'S';
                key.append(reinterpret_cast<const char*>(&size), sizeof size);
                key.append(field->data(), field->size());
                break;
            }
            case Wire::Float8: {
                double value = pgFloat8(*field);
                value = value == 0 ? 0.0 : value; // -0.0 and 0.0 are one group
                key += 'D';
                key.append(reinterpret_cast<const char*>(&value), sizeof value);
                break;
            }
            case Wire::Int4:
            case Wire::Int8: {
                const std::int64_t value = query.group_wires[i] == Wire::Int4
                                               ? std::int64_t{pgInt4(*field)}
                                               : pgInt8(*field);
                key += 'I';
                key.append(reinterpret_cast<const char*>(&value), sizeof value);
                break;
            }
            }
        }
        const std::uint32_t group = dictionary.intern(key, [&] {
            std::vector<GroupValue> values;
            for (std::size_t i = 0; i < groups; ++i) {
                const PgConnection::BinaryField& field = fields[first_group + i];
                if (!field) {
                    values.emplace_back(std::monostate{});
                } else if (query.group_wires[i] == Wire::Float8) {
                    const double value = pgFloat8(*field);
                    values.emplace_back(value == 0 ? 0.0 : value);
                } else if (query.group_wires[i] == Wire::Int4) {
                    values.emplace_back(std::int64_t{pgInt4(*field)});
                } else if (query.group_wires[i] == Wire::Int8) {
                    const std::int64_t value = pgInt8(*field);
                    if (query.group_kinds[i] == FieldKind::Date) {
                        values.emplace_back(isoDate(value));
                    } else {
                        values.emplace_back(value);
                    }
                } else {
                    values.emplace_back(std::string(*field));
                }
            }
            return values;
        });
        if (group >= accumulator.groupCount()) {
            accumulator.addGroups(dictionary.takeNew());
        }
        std::uint64_t present = 0;
        for (std::size_t i = 0; i < aggregates; ++i) {
            const PgConnection::BinaryField& field = fields[first_aggregate + i];
            if (!field) {
                continue;
            }
            present |= std::uint64_t{1} << i;
            switch (query.aggregate_wires[i]) {
            case Wire::Int4:
                results[i] = static_cast<std::uint64_t>(std::int64_t{pgInt4(*field)});
                break;
            case Wire::Int8:
                results[i] = static_cast<std::uint64_t>(pgInt8(*field));
                break;
            case Wire::Float8: {
                double value = pgFloat8(*field);
                value = value == 0 ? 0.0 : value;
                std::memcpy(&results[i], &value, sizeof value);
                break;
            }
            case Wire::NumericText:
            case Wire::Text: {
                std::int64_t value = 0;
                const auto [end, error] =
                    std::from_chars(field->data(), field->data() + field->size(), value);
                if (error != std::errc() || end != field->data() + field->size()) {
                    throw InputError("the sum of " + query.aggregate_sources[i] +
                                     " does not fit a 64-bit integer");
                }
                results[i] = static_cast<std::uint64_t>(value);
                break;
            }
            }
        }
        accumulator.addGrouped({pgInt4(*fields[cx_column]), pgInt4(*fields[cx_column + 1]), group},
                               n, results.data(), present);
    };

    try {
        // Compiling these expressions takes PostgreSQL's JIT seconds and saves nothing: the work
        // is in PostGIS's functions. Notices are not wanted either (see PgConnection).
        query.connection->query("SET jit = off");
        query.connection->query("SET client_min_messages = warning");
        const auto work_mem = query.connection->query(
            "SELECT pg_catalog.pg_size_bytes(pg_catalog.current_setting('work_mem'))");
        if (!work_mem.empty() && work_mem[0][0] && std::stoll(*work_mem[0][0]) < kWorkMemBytes) {
            query.connection->query("SET work_mem = '" + std::to_string(kWorkMemBytes >> 20) +
                                    "MB'");
        }
        query.connection->copyBinary(query.sql, onRow, keep_going);
    } catch (const Cancelled&) {
        throw;
    } catch (const InputError& e) {
        if (std::string(e.what()).find("does not fit a 64-bit integer") != std::string::npos) {
            throw; // the local path would say the same: no point reading the table again
        }
        result.why_not = std::string("the database answered: ") + e.what();
        return result;
    }
    if (unsupported) {
        result.why_not = "the layer has curved or other geometries that GDAL makes linear its own "
                         "way";
        return result;
    }
    result.done = true;
    return result;
}

} // namespace geolicence::detail
