#pragma once

#include "geolicence/localized_text.h"

#include <cstdint>
#include <initializer_list>
#include <string>

namespace geolicence {

// The sentences users read, in English and Dutch, one entry per id in a single table
// (core/src/messages/message_table.cpp). The logic picks the id and the names to fill in; the
// wording, and the word order each language needs, live in the table.
enum class Msg : std::uint16_t {
    // Verdicts and report words (the CLI's text reports).
    VerdictPermitted,
    VerdictConditional,
    VerdictProhibited,
    DutiesHeading,
    OptionsHeading,
    RulesHeading,
    DutyDueBy,
    FolderSummary,
    FolderSummaryConditional,
    ServedHeading,
    ServedNone,
    ServedDownloadable,
    // The engine's own words around a rule's message (rules/evaluation.cpp).
    CannotBeRuledOut,
    DependsOnUnstated,
    HowToSetOption,
    // Binding conflicts (binding/binding_source.cpp).
    BindingConflict,
    BindingConflictLicences,
    BindingConflictOptions,
    BindingConflictLicensor,
    // Derived data with an input nobody licensed (rules/evaluation.cpp).
    UnlicensedSource,
    // Derived data whose binding lost a licence one of its inputs carried (rules/evaluation.cpp).
    SourceLicenceDropped,
    // Layers the reader could not see (check/reader_findings.cpp).
    UnreadableEmbeddedGroup,
    UnreadableLayerWithoutId,
    UnreadableEmbeddedLayer,
    UnreadableGroupConsequence,
    UnreadableLayerConsequence,
    UnknownLayer,
    // What a layout (or the PDF exported from it) fails to show (check/project_check.cpp).
    AttributionMissingOnLayout,
    AttributionMissingInPdf,
    PdfHasNoText,
    LabelOnLayout,
    LegendMissing,
    EndorsementNamed,
    // What a project's web services put out, judged as published (web/web_check.cpp).
    ListAnd,
    ChannelFeatureInfoGeometry,
    ChannelLizmapPopup,
    ChannelLizmapAttributeTable,
    ChannelLizmapEdition,
    ChannelLizmapLocate,
    ChannelLizmapTooltip,
    FixStopWfs,
    FixStopWcs,
    FixStopFeatureInfoGeometry,
    FixStopLizmapAttributeTable,
    FixExcludeFromWms,
    FixAggregateFirst,
    FixAddOwnData,
    WebContextReplaced,
    WebServedThrough,
    WebNotPublishable,
    WebDownloadable,
    WebExactPositions,
    WebWithoutOwnData,
    WebToPublish,
    WebThenHolds,
    WebStillMissing,
    WebTransaction,
    WebLizmapWithoutWfs,
    WebAttributionMissing,
    WebLegendHiddenByLizmap,
    WebLegendWithoutWms,
    WebEndorsementNamed,
    Count // not a message: the size of the table
};

// The text of `id` in `language`, each "{}" replaced by the next of `args`, in order.
std::string say(Msg id, Language language, std::initializer_list<std::string> args = {});

// The table's entry, for its own test: both languages, placeholders unreplaced.
const char* messageTemplate(Msg id, Language language);

} // namespace geolicence
