package io.flightdeck.assets.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.jcodec.api.JCodecException;
import org.jcodec.api.awt.AWTFrameGrab;
import org.jcodec.common.Codec;
import org.jcodec.common.DemuxerTrack;
import org.jcodec.common.DemuxerTrackMeta;
import org.jcodec.common.Format;
import org.jcodec.common.JCodecUtil;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.Size;
import org.jcodec.containers.mp4.demuxer.AbstractMP4DemuxerTrack;
import org.jcodec.containers.mp4.demuxer.MP4Demuxer;

/**
 * MP4 and QuickTime videos through JCodec, in process (no ffmpeg on a user's machine): the facts from the container's
 * index (no frame decoded), and for H.264, the one codec JCodec decodes, a poster frame about a second in. A video in
 * another codec (HEVC, AV1, ...) still gets its facts, without a poster.
 */
final class VideoInspection {

    /** Far enough in to skip a fade from black, near enough to stay in the opening shot. */
    private static final double POSTER_SECOND = 1.0;

    private VideoInspection() {
    }

    static MediaFacts inspect(Path file) throws IOException, JCodecException {
        try (SeekableByteChannel channel = NIOUtils.readableChannel(file.toFile())) {
            if (JCodecUtil.detectFormatChannel(channel) != Format.MOV) {
                return MediaFacts.none("This is not an MP4 or QuickTime container");
            }
            channel.setPosition(0);
            MP4Demuxer demuxer = MP4Demuxer.createMP4Demuxer(channel);
            DemuxerTrack track = demuxer.getVideoTrack();
            if (track == null) {
                return MediaFacts.none("The file has no video track");
            }
            DemuxerTrackMeta meta = track.getMeta();
            double seconds = meta.getTotalDuration();
            if (!(seconds > 0) || meta.getTotalFrames() <= 0 || meta.getVideoCodecMeta() == null) {
                return MediaFacts.none("The video track has no frames");
            }
            Size size = meta.getVideoCodecMeta().getSize();
            // a phone held upright records landscape frames and a rotation in the track header; report what is shown
            boolean quarterTurn = meta.getOrientation() == DemuxerTrackMeta.Orientation.D_90
                    || meta.getOrientation() == DemuxerTrackMeta.Orientation.D_270;
            int width = quarterTurn ? size.getHeight() : size.getWidth();
            int height = quarterTurn ? size.getWidth() : size.getHeight();
            boolean h264 = meta.getCodec() == Codec.H264;
            String codec = h264 ? "h264" : ((AbstractMP4DemuxerTrack) track).getFourcc().trim();
            List<Rendition> renditions = h264 ? List.of(poster(channel, seconds)) : List.of();
            return new MediaFacts(width, height, Math.round(seconds * 1000), codec, meta.getTotalFrames() / seconds, null,
                    null, renditions, null, !demuxer.getAudioTracks().isEmpty());
        }
    }

    /** The frame at {@link #POSTER_SECOND}, or the first one of a shorter clip, at the video's own size. */
    private static Rendition poster(SeekableByteChannel channel, double seconds) throws IOException, JCodecException {
        channel.setPosition(0);
        AWTFrameGrab grab = AWTFrameGrab.createAWTFrameGrab(channel);
        if (seconds > POSTER_SECOND) {
            grab.seekToSecondPrecise(POSTER_SECOND);
        }
        BufferedImage frame = grab.getFrameWithOrientation();
        if (frame == null) {
            throw new IOException("no frame could be decoded");
        }
        return Pictures.encode(Rendition.POSTER, frame, false);
    }
}
