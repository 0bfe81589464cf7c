package jp.kakaritsuke.kb.sparql;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No truncated answers from {@code /sparql}: the protocol handler (Fuseki, or the remote forwarder) writes into a
 * buffer, and only a complete answer is sent, with its {@code Content-Length}. So a query that times out while its
 * rows are being written is a clean 503 (Fuseki's own status for a cancelled query), a failure of the handler is its
 * error status, and an answer that grows past {@code kb.sparql.max-result-size} is a 413 that says so — never a 200
 * whose body stops in the middle. Nothing reaches the client before the answer is known to be whole, so there is no
 * "after the first byte" case to repair.
 *
 * <p>The buffer is bounded by the byte cap, so a request holds at most that much memory.
 */
class WholeResultFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(WholeResultFilter.class);

    private final int maxBytes;
    private final DataSize maxSize;

    WholeResultFilter(DataSize maxSize) {
        this.maxSize = maxSize;
        this.maxBytes = Math.toIntExact(maxSize.toBytes());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HeldResponse held = new HeldResponse(response, maxBytes);
        try {
            chain.doFilter(request, held);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!held.overflowed()) {
                throw e;
            }
            // The handler gave up because the buffer refused more bytes: answered below.
        }
        held.finish();
        if (held.overflowed()) {
            LOG.info("{} {}: answer larger than {} refused", request.getMethod(), request.getRequestURI(), maxSize);
            tooLarge(response);
            return;
        }
        held.send();
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        response.reset();
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setContentType("text/plain;charset=UTF-8");
        byte[] body = ("413 Content Too Large: " + tooLargeMessage(maxSize) + "\n").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** What a client is told when its answer is larger than the byte cap. */
    static String tooLargeMessage(DataSize maxSize) {
        return "the answer is larger than the limit of this endpoint (kb.sparql.max-result-size = " + maxSize.toBytes()
                + " bytes). Ask for fewer rows (LIMIT and OFFSET) or fewer or shorter columns, or download the data"
                + " dumps listed at /catalog.";
    }

    /** Thrown by the buffer when the answer grows past the cap; the handler's write fails with it. */
    static final class AnswerTooLargeException extends IOException {
        AnswerTooLargeException(int maxBytes) {
            super("answer larger than " + maxBytes + " bytes");
        }
    }

    /**
     * The response as the handler sees it: status and headers go to the real response (which stays uncommitted),
     * the body into a bounded buffer. An error status throws away what was written before it (the start of a
     * result); {@code sendError} is kept and passed on at the end.
     */
    private static final class HeldResponse extends HttpServletResponseWrapper {

        private final int maxBytes;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
        private ServletOutputStream stream;
        private PrintWriter writer;
        private boolean overflowed;
        private int errorStatus;
        private String errorMessage;

        HeldResponse(HttpServletResponse response, int maxBytes) {
            super(response);
            this.maxBytes = maxBytes;
        }

        boolean overflowed() {
            return overflowed;
        }

        private void append(byte[] bytes, int offset, int length) throws IOException {
            if (overflowed || body.size() + (long) length > maxBytes) {
                overflowed = true;
                throw new AnswerTooLargeException(maxBytes);
            }
            body.write(bytes, offset, length);
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        append(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        append(bytes, offset, length);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException("blocking output only");
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), charset));
            }
            return writer;
        }

        @Override
        public void setStatus(int status) {
            if (status >= 400) {
                body.reset();
            }
            super.setStatus(status);
        }

        @Override
        public void sendError(int status, String message) {
            body.reset();
            errorStatus = status;
            errorMessage = message;
        }

        @Override
        public void sendError(int status) {
            sendError(status, null);
        }

        @Override
        public void setContentLength(int length) {}

        @Override
        public void setContentLengthLong(long length) {}

        @Override
        public void setBufferSize(int size) {}

        @Override
        public void flushBuffer() {}

        @Override
        public boolean isCommitted() {
            return false;
        }

        @Override
        public void resetBuffer() {
            body.reset();
        }

        @Override
        public void reset() {
            body.reset();
            super.reset();
        }

        /** Flushes what the handler wrote through its writer into the buffer (which may overflow now). */
        void finish() {
            if (writer != null) {
                writer.flush();
            }
        }

        /** Sends the held answer: the error the handler chose, or the whole body with its length. */
        void send() throws IOException {
            HttpServletResponse response = (HttpServletResponse) getResponse();
            if (errorStatus != 0) {
                if (errorMessage == null) {
                    response.sendError(errorStatus);
                } else {
                    response.sendError(errorStatus, errorMessage);
                }
                return;
            }
            response.setContentLength(body.size());
            body.writeTo(response.getOutputStream());
        }
    }
}
