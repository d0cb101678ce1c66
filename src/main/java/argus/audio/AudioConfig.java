package argus.audio;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Audio authenticity.
 *
 * @param pack               model pack holding the {@code speech_spoof} model (AASIST)
 * @param maxDurationSeconds longest audio decoded; longer files are refused
 * @param minSpeechSeconds   speech a channel (or segment) needs for a score; with less the score is null
 * @param minFreeBytes       free space the data directory must keep; below it new tasks are refused (507)
 */
@ConfigurationProperties("argus.audio")
public record AudioConfig(
        @Bindable(defaultValue = "aasist") String pack,
        @Bindable(defaultValue = "600") double maxDurationSeconds,
        @Bindable(defaultValue = "3") double minSpeechSeconds,
        @Bindable(defaultValue = "536870912") long minFreeBytes) {}
