package dev.typhon.ast;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code ?*} schema field: a sequence whose elements may be absent ({@code null}), such as
 * the key of a {@code **mapping} entry in {@link Dict}. Immutables recognises it by name.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.PARAMETER, ElementType.FIELD})
public @interface AllowNulls {
}
