package org.cailab.redteam;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which rated attempts to read: live attempts of campaigns and imported attempts of imports.
 *
 * @param campaignIds live attempts of these campaigns; null: of every campaign; empty: none
 * @param importIds   imported attempts of these imports; null: of every import; empty: none
 */
public record TranscriptSelection(
        @Nullable List<Long> campaignIds, @Nullable List<Long> importIds) {

    public TranscriptSelection {
        campaignIds = campaignIds == null ? null : List.copyOf(campaignIds);
        importIds = importIds == null ? null : List.copyOf(importIds);
    }
}
