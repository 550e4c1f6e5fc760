#pragma once

#include "aggregate/pushdown/pg_connection.h"
#include "aggregate/read/read_plan.h"

#include <geolicence/aggregation.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace geolicence::detail {

class CellAccumulator;
class SourceLayer;

// How a value the database computes comes over the wire (COPY binary).
enum class Wire : std::uint8_t {
    Text,        // text, varchar: UTF-8 bytes
    Int4,        // smallint, integer and booleans as integer (4 bytes a value, not 8)
    Int8,        // bigint; dates as days since 1970-01-01
    Float8,      // double precision
    NumericText, // a numeric as text (sums of bigint, which PostgreSQL sums as numeric)
};

// The grouping query for a PostGIS table, and what is needed to read its answer.
struct PushdownQuery {
    std::string why_not; // non-empty: SQL cannot give the same rows, read the features instead
    std::string sql;     // the SELECT, streamed with COPY
    std::unique_ptr<PgConnection> connection;
    std::vector<FieldKind> group_kinds;
    std::vector<Wire> group_wires;
    std::vector<Wire> aggregate_wires;
    std::vector<std::string> aggregate_sources;
    // The columns of the answer. The general query: why, cx, cy, the group values, n, nbig, the
    // aggregates, nrows. The lean one (a point column; leanPointQuery): cx, cy, the group values,
    // n, the aggregates, and nrows only with a minimum count: a row without a cell (cx NULL)
    // carries its reason in cy, and a point is never larger than a cell. Every column dropped is
    // 8-12 bytes less per row on the wire, where nearly every point can be a group of its own.
    bool lean = false;
    bool rows_column = true;
};

struct PushdownResult {
    bool done = false;   // the rows are in the accumulator and `counts` is complete
    std::string why_not; // otherwise: why not (the accumulator must then be thrown away)
    AggregationCounts counts;
};

// Whether GDAL reads `source` with its PostgreSQL driver.
bool isPostgis(const SourceLayer& source);

// The query that groups `source`'s table inside PostGIS exactly as the local path would: the
// same floor rule on the same coordinates (the table must be in the grid's CRS: PostGIS's
// transformations are not PROJ's through GDAL, see README), the same skipped features by
// reason, GEOS centroids for lines and polygons, count, integer sums, minima and maxima, and the
// minimum count. Or why it cannot: intersects, sums of reals, column types other than text,
// varchar, smallint, integer, bigint, boolean, double precision and date, GDAL's schema
// options, a transformation.
PushdownQuery planPushdown(SourceLayer& source, const ReadPlan& plan, const AggregationSpec& spec,
                           const Grid& grid);

// Runs the query and puts its rows into `accumulator` (the rows left out by the minimum count
// are counted in the result, not added). Not done (with the reason) when the table holds
// curved or other geometries SQL cannot treat as GDAL does, or the server fails; Cancelled when
// `keep_going` says stop (the query is cancelled on the server).
PushdownResult runPushdown(PushdownQuery& query, CellAccumulator& accumulator,
                           const std::function<bool()>& keep_going);

} // namespace geolicence::detail
