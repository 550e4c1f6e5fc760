#pragma once

#include "aggregate/arrow_column.h"
#include "aggregate/batch_pipeline.h"
#include "aggregate/read/group_dictionary.h"
#include "aggregate/read/read_plan.h"

#include <geolicence/aggregation.h>

#include <memory>
#include <ogr_recordbatch.h>
#include <optional>
#include <string>
#include <vector>

class OGRCoordinateTransformation;
class OGRGeometry;

namespace geolicence::detail {

class SourceLayer;

// Turns the layer's Arrow batches into prepared batches: decodes WKB points in place (other
// geometries through OGR/GEOS), projects them to the grid's CRS in one PROJ call per batch,
// sorts out unusable geometries by reason, assigns cells and interns group-by values. Runs on
// the reader thread; everything it touches is its own.
//
// Every usable feature counts. Coordinates already in the grid's CRS go to their cell whatever
// they are (the North Sea is outside RD's area of use, and its observations are real); the
// area of use only serves to flag transformed coordinates that PROJ was asked to take outside
// the region its transformation is meant for (counted, and reported as outside_area).
class FeatureBatcher {
public:
    FeatureBatcher(SourceLayer& source, const ReadPlan& plan, const Grid& grid, Assignment assign);
    ~FeatureBatcher();
    FeatureBatcher(const FeatureBatcher&) = delete;
    FeatureBatcher& operator=(const FeatureBatcher&) = delete;

    // The next batch, nullopt at the end of the layer. InputError when GDAL fails to read.
    std::optional<PreparedBatch> next();

private:
    struct Columns {
        std::optional<ArrowColumn> geometry;
        std::vector<ArrowColumn> groups;
        std::vector<ArrowColumn> inputs;
    };

    void bindSchema();
    Columns columnsOf(const ArrowArray& array) const;
    void prepare(const ArrowArray& array, PreparedBatch& batch);
    void emit(PreparedBatch& batch, const Columns& columns, std::int64_t row, const CellKey& key);
    std::uint32_t groupOf(const Columns& columns, std::int64_t row);
    // Lines, polygons, collections: GEOS centroid or every cell reached.
    void assignGeneric(PreparedBatch& batch, const Columns& columns, std::int64_t row,
                       std::string_view wkb);
    // The cell of (x, y) in the grid's CRS; false when its number does not fit 32 bits.
    bool cellOf(double x, double y, std::int32_t& column, std::int32_t& grid_row) const;
    bool outsideArea(double x, double y) const { return transform_ && !area_.contains(x, y); }

    SourceLayer& source_;
    const ReadPlan& plan_;
    Grid grid_;
    Envelope area_;
    Assignment assign_;
    std::unique_ptr<OGRCoordinateTransformation> transform_; // null: already in the grid CRS

    ArrowArrayStream stream_{};
    ArrowSchema schema_{};
    int geometry_child_ = -1;
    std::vector<int> group_children_;
    std::vector<int> input_children_;

    GroupDictionary groups_;
    std::string key_; // reused for every row: no allocation per feature
    std::vector<double> xs_;
    std::vector<double> ys_;
    std::vector<int> ok_;
    std::vector<std::int64_t> point_rows_;
    std::vector<std::uint64_t> row_values_;
};

} // namespace geolicence::detail
