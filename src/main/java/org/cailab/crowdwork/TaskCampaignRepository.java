package org.cailab.crowdwork;

import java.util.List;
import java.util.Optional;

/**
 * Persistence of a task type's campaigns and their pools; used only inside the services' transactions. Open state and
 * participants come from {@link CampaignParticipations}.
 *
 * @param <C> the task type's stored campaign
 * @param <S> its settings
 */
public interface TaskCampaignRepository<C extends TaskCampaign<S>, S extends TaskCampaign.Settings<S>>
        extends CampaignParticipations {

    List<C> findAll();

    List<C> findOpen();

    Optional<C> findById(long id);

    C insert(S settings, String createdBy);

    /** Updates the campaign and replaces its pool if {@code version} is still current; false otherwise. */
    boolean update(long id, int version, S settings);
}
