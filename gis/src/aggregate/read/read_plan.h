#pragma once

#include <geolicence/aggregation.h>

#include <cstddef>
#include <string>
#include <vector>

namespace geolicence::detail {

class SourceLayer;

struct GroupColumn {
    std::string name; // as the layer spells it
    FieldKind kind = FieldKind::String;
};

// A field whose values feed one or more aggregates (sum, min and max of the same field read
// it once).
struct InputColumn {
    std::string name;
    FieldKind kind = FieldKind::Real;
};

// Which fields an aggregation reads and what it writes: resolved against the layer's schema,
// so that a missing or unusable field fails before any feature is read.
struct ReadPlan {
    std::vector<GroupColumn> groups;
    std::vector<InputColumn> inputs;
    std::vector<AggregateField> aggregates;
    std::vector<std::size_t> aggregate_inputs; // aggregate i reads inputs[aggregate_inputs[i]]
    std::vector<OutputField> group_fields;
};

// InputError naming the source for a field it lacks or one whose type cannot be grouped on or
// aggregated; switches off every other field of the layer.
ReadPlan makeReadPlan(SourceLayer& source, const AggregationSpec& spec);

} // namespace geolicence::detail
