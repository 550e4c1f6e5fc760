#include "aggregate/read/read_plan.h"

#include "aggregate/read/source_layer.h"

#include <geolicence/errors.h>

#include <ogrsf_frmts.h>
#include <optional>

namespace geolicence::detail {

namespace {

std::optional<FieldKind> kindOf(const OGRFieldDefn& field) {
    switch (field.GetType()) {
    case OFTInteger:
        return FieldKind::Integer;
    case OFTInteger64:
        return FieldKind::Integer64;
    case OFTReal:
        return FieldKind::Real;
    case OFTString:
        return FieldKind::String;
    case OFTDate:
        return FieldKind::Date;
    case OFTDateTime:
        return FieldKind::DateTime;
    default:
        return std::nullopt;
    }
}

std::string fieldNames(const OGRFeatureDefn& definition) {
    std::string names;
    for (int i = 0; i < definition.GetFieldCount(); ++i) {
        names += names.empty() ? "" : ", ";
        names += definition.GetFieldDefn(i)->GetNameRef();
    }
    return names.empty() ? "none" : names;
}

const OGRFieldDefn& findField(SourceLayer& source, const std::string& name) {
    const OGRFeatureDefn& definition = *source.layer().GetLayerDefn();
    const int index = definition.GetFieldIndex(name.c_str());
    if (index < 0) {
        throw InputError(source.where() + ": has no field \"" + name +
                         "\" (its fields: " + fieldNames(definition) + ")");
    }
    return *definition.GetFieldDefn(index);
}

std::string_view prefix(AggregateOp op) {
    switch (op) {
    case AggregateOp::Sum:
        return "sum_";
    case AggregateOp::Min:
        return "min_";
    case AggregateOp::Max:
        return "max_";
    }
    return "";
}

} // namespace

ReadPlan makeReadPlan(SourceLayer& source, const AggregationSpec& spec) {
    ReadPlan plan;
    std::vector<std::string> needed;
    for (const std::string& name : spec.group_by) {
        const OGRFieldDefn& field = findField(source, name);
        const auto kind = kindOf(field);
        if (!kind) {
            throw InputError(source.where() + ": field \"" + name + "\" is a " +
                             OGRFieldDefn::GetFieldTypeName(field.GetType()) +
                             ", which cannot be grouped on");
        }
        plan.groups.push_back({field.GetNameRef(), *kind});
        plan.group_fields.push_back({field.GetNameRef(), *kind});
        needed.emplace_back(field.GetNameRef());
    }

    const auto addAggregates = [&](const std::vector<std::string>& names, AggregateOp op) {
        for (const std::string& name : names) {
            const OGRFieldDefn& field = findField(source, name);
            const auto kind = kindOf(field);
            const bool number = kind && (*kind == FieldKind::Integer ||
                                         *kind == FieldKind::Integer64 || *kind == FieldKind::Real);
            const bool date = kind && (*kind == FieldKind::Date || *kind == FieldKind::DateTime);
            if (!number && !(date && op != AggregateOp::Sum)) {
                throw InputError(
                    source.where() + ": field \"" + name + "\" is a " +
                    OGRFieldDefn::GetFieldTypeName(field.GetType()) + "; " +
                    (op == AggregateOp::Sum
                         ? "only numbers can be summed"
                         : "only numbers and dates have a " +
                               std::string(op == AggregateOp::Min ? "minimum" : "maximum")));
            }
            std::size_t input = 0;
            while (input < plan.inputs.size() && plan.inputs[input].name != field.GetNameRef()) {
                ++input;
            }
            if (input == plan.inputs.size()) {
                plan.inputs.push_back({field.GetNameRef(), *kind});
                needed.emplace_back(field.GetNameRef());
            }
            AggregateField aggregate;
            aggregate.name = std::string(prefix(op)) + field.GetNameRef();
            aggregate.source = field.GetNameRef();
            aggregate.op = op;
            // Integer sums can outgrow 32 bits.
            aggregate.kind = op == AggregateOp::Sum && *kind == FieldKind::Integer
                                 ? FieldKind::Integer64
                                 : *kind;
            plan.aggregates.push_back(aggregate);
            plan.aggregate_inputs.push_back(input);
        }
    };
    addAggregates(spec.sum, AggregateOp::Sum);
    addAggregates(spec.min, AggregateOp::Min);
    addAggregates(spec.max, AggregateOp::Max);
    if (plan.inputs.size() > 64) {
        throw InputError("at most 64 different fields can be aggregated at once");
    }
    source.readOnly(needed);
    return plan;
}

} // namespace geolicence::detail
