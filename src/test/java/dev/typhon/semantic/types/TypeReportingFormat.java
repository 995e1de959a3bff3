package dev.typhon.semantic.types;

import net.jqwik.api.SampleReportingFormat;

/** jqwik shows generated types as ty prints them ({@code int | None}), not as nested records. */
public final class TypeReportingFormat implements SampleReportingFormat {
    @Override
    public boolean appliesTo(Object value) {
        return value instanceof Type;
    }

    @Override
    public Object report(Object value) {
        return ((Type) value).display();
    }
}
