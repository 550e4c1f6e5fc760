#include "aggregate/accumulate/cell_accumulator.h"
#include "aggregate/accumulate/cell_table_access.h"
#include "aggregate/arrow_column.h"
#include "aggregate/batch_pipeline.h"
#include "aggregate/pushdown/postgis_pushdown.h"
#include "aggregate/read/feature_batcher.h"
#include "aggregate/read/location_hints.h"
#include "aggregate/read/read_plan.h"
#include "aggregate/read/source_layer.h"
#include "aggregate/spill/cell_streams.h"
#include "gdal_support.h"

#include <geolicence/aggregation.h>
#include <geolicence/cell_stream.h>
#include <geolicence/detail/ascii_case.h>
#include <geolicence/errors.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <thread>

namespace geolicence {

namespace {

void addCounts(AggregationCounts& total, const AggregationCounts& batch) {
    total.features_read += batch.features_read;
    total.features_used += batch.features_used;
    total.observations += batch.observations;
    total.larger_than_cell += batch.larger_than_cell;
    total.skipped.null_geometry += batch.skipped.null_geometry;
    total.skipped.empty += batch.skipped.empty;
    total.skipped.invalid += batch.skipped.invalid;
    total.skipped.non_finite += batch.skipped.non_finite;
    total.skipped.transform_failed += batch.skipped.transform_failed;
    total.skipped.out_of_range += batch.skipped.out_of_range;
    total.outside_area += batch.outside_area;
}

std::vector<std::string> locationWarnings(const detail::ReadPlan& plan, const GroupTuples& groups) {
    std::vector<std::string> warnings;
    for (std::size_t i = 0; i < plan.groups.size(); ++i) {
        const std::string& name = plan.groups[i].name;
        std::optional<std::string> why = detail::locationRevealingName(name);
        if (!why) {
            std::vector<GroupValue> values;
            values.reserve(std::min<std::size_t>(groups.size(), 10000));
            for (std::size_t g = 0; g < groups.size() && g < 10000; ++g) {
                values.push_back(groups[g][i]);
            }
            why = detail::locationRevealingValues(values);
        }
        if (why) {
            warnings.push_back("group-by field \"" + name +
                               "\" may reveal locations finer than a " + "cell (" + *why +
                               "); check before publishing");
        }
    }
    for (const detail::InputColumn& input : plan.inputs) {
        if (const auto why = detail::locationRevealingName(input.name)) {
            warnings.push_back("aggregated field \"" + input.name +
                               "\" may reveal locations finer than a cell (" + *why +
                               "); check before publishing");
        }
    }
    return warnings;
}

} // namespace

namespace {

// Reads every feature through GDAL's Arrow stream into the accumulator: the reader thread
// decodes, projects and assigns cells (FeatureBatcher), this thread accumulates.
void readLocally(detail::SourceLayer& source, const detail::ReadPlan& plan, const Grid& grid,
                 const AggregationSpec& spec, detail::CellAccumulator& accumulator,
                 AggregationCounts& counts, const ProgressCallback& progress, double& fraction) {
    // Counted before the stream opens: GDAL wants the layer left alone while it streams.
    const std::int64_t expected = source.featureCountIfCheap();
    detail::FeatureBatcher batcher(source, plan, grid, spec.assign);

    // Reading, decoding and projecting on one core, accumulating on the other: the accumulator
    // is the only shared state and only this thread touches it.
    detail::BatchPipeline pipeline;
    std::thread reader(
        [&pipeline, &batcher] { pipeline.produce([&batcher] { return batcher.next(); }); });
    const detail::JoinOnExit join(reader, pipeline);

    const std::size_t inputs = plan.inputs.size();
    while (auto batch = pipeline.next()) {
        accumulator.addGroups(std::move(batch->new_groups));
        accumulator.addAll(batch->keys.data(), batch->keys.size(), batch->values.data(),
                           inputs == 0 ? nullptr : batch->present.data(), inputs);
        addCounts(counts, batch->counts);
        if (progress && expected > 0) {
            fraction = std::min(1.0, static_cast<double>(counts.features_read) /
                                         static_cast<double>(expected));
            if (!progress(fraction)) {
                throw Cancelled();
            }
        }
    }
    pipeline.rethrowReaderError();
}

} // namespace

AggregationStream openCellStream(const AggregationInput& input, const AggregationSpec& spec,
                                 const AggregationOptions& options,
                                 const ProgressCallback& progress) {
    if (const auto problems = specProblems(spec); !problems.empty()) {
        throw std::invalid_argument(problems.front());
    }
    const Grid grid(spec.grid, spec.cell_size_m);
    detail::SourceLayer source(input);
    const detail::ReadPlan plan = detail::makeReadPlan(source, spec);

    double fraction = 0;
    detail::SpillSettings spill;
    // The limit is for the whole aggregation: what reading (GDAL's batches, the pipeline
    // between the threads) and writing (SQLite's 32 MB page cache, the blocks being encoded)
    // take besides the table of rows comes off the table's budget.
    const std::uint64_t limit = std::max(options.memory_limit, kMinimumMemoryLimit);
    spill.memory_limit = limit - std::min(limit / 4, std::uint64_t{96} << 20);
    spill.directory = options.temporary_directory;
    // Spilling and merging take time of their own: Ctrl-C must reach them too.
    spill.keep_going = [&progress, &fraction] { return !progress || progress(fraction); };
    const auto newAccumulator = [&] {
        return std::make_unique<detail::CellAccumulator>(grid, plan.aggregates,
                                                         plan.aggregate_inputs, spill);
    };

    AggregationStream result;
    result.layer = source.layerName();
    AggregationCounts counts;
    std::unique_ptr<detail::CellAccumulator> accumulator;
    std::int64_t min_count = spec.min_count;
    if (detail::isPostgis(source)) {
        if (!options.pushdown) {
            result.pushdown_note = "not pushed down into PostGIS: --no-pushdown";
        } else if (detail::PushdownQuery query = detail::planPushdown(source, plan, spec, grid);
                   query.why_not.empty()) {
            accumulator = newAccumulator();
            const detail::PushdownResult pushed =
                detail::runPushdown(query, *accumulator, spill.keep_going);
            if (pushed.done) {
                counts = pushed.counts;
                result.pushed_down = true;
                min_count = 1; // the database left out the rows below it and counted them
            } else {
                accumulator.reset(); // half filled: the features are read after all
                result.pushdown_note = "not pushed down into PostGIS: " + pushed.why_not;
            }
        } else {
            result.pushdown_note = "not pushed down into PostGIS: " + query.why_not;
        }
    }
    if (!accumulator) {
        accumulator = newAccumulator();
        readLocally(source, plan, grid, spec, *accumulator, counts, progress, fraction);
    }

    result.warnings = locationWarnings(plan, accumulator->groupTuples());
    if (spec.assign == Assignment::Centroid && counts.larger_than_cell > 0) {
        result.warnings.push_back(std::to_string(counts.larger_than_cell) +
                                  " lines or polygons are larger than a cell; each was counted "
                                  "in the cell of its centroid only");
    }
    if (counts.outside_area > 0) {
        result.warnings.push_back(
            std::to_string(counts.outside_area) + " features lie outside the area of use of EPSG:" +
            std::to_string(grid.epsg()) + " after transforming them from the input's CRS; " +
            "they were counted in their cells, but check their coordinates");
    }
    result.cells = accumulator->finish(plan.group_fields, min_count, counts);
    if (progress && !progress(1.0)) {
        throw Cancelled();
    }
    return result;
}

std::unique_ptr<CellStream> streamOf(std::shared_ptr<const CellTable> table,
                                     const AggregationCounts& counts) {
    return std::make_unique<detail::TableCellStream>(std::move(table), counts);
}

CellTable collectRows(CellStream& stream, const ProgressCallback& progress) {
    CellTable rows = detail::CellTableAccess::make(stream.grid(), stream.groupFields(),
                                                   stream.aggregateFields(), nullptr);
    CellBlock block;
    while (stream.next(block)) {
        if (!detail::CellTableAccess::tuples(rows)) {
            detail::CellTableAccess::setTuples(rows, detail::CellTableAccess::tuples(*block.table));
        }
        for (std::size_t row = block.first; row < block.first + block.count; ++row) {
            detail::CellTableAccess::appendRow(rows, *block.table, row);
        }
        if (progress && !progress(stream.fraction())) {
            throw Cancelled();
        }
    }
    if (!detail::CellTableAccess::tuples(rows)) {
        detail::CellTableAccess::setTuples(rows, std::make_shared<GroupTuples>());
    }
    return rows;
}

AggregationResult aggregateCells(const AggregationInput& input, const AggregationSpec& spec,
                                 const ProgressCallback& progress) {
    return aggregateCells(input, spec, AggregationOptions{}, progress);
}

AggregationResult aggregateCells(const AggregationInput& input, const AggregationSpec& spec,
                                 const AggregationOptions& options,
                                 const ProgressCallback& progress) {
    AggregationStream stream = openCellStream(input, spec, options, progress);
    CellTable table = collectRows(*stream.cells);
    return AggregationResult{std::move(table),        stream.cells->counts(),
                             std::move(stream.layer), std::move(stream.warnings),
                             stream.pushed_down,      std::move(stream.pushdown_note),
                             stream.cells->spill()};
}

} // namespace geolicence
