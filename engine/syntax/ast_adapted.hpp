// engine/syntax — Boost.Fusion adaptation of the multi-member AST nodes, so that X3
// sequences fill them in declaration order.
#pragma once

#include "syntax/ast.hpp"

#include <boost/fusion/include/adapt_struct.hpp>

BOOST_FUSION_ADAPT_STRUCT(siracusa::ast::Quantity, digits, unit)
BOOST_FUSION_ADAPT_STRUCT(siracusa::ast::Operation, op, operand)
BOOST_FUSION_ADAPT_STRUCT(siracusa::ast::Expression, first, rest)
BOOST_FUSION_ADAPT_STRUCT(siracusa::ast::Unary, op, operand)
BOOST_FUSION_ADAPT_STRUCT(siracusa::ast::Postfix, base, ops)
BOOST_FUSION_ADAPT_STRUCT(siracusa::ast::InBinder, name, domain)
BOOST_FUSION_ADAPT_STRUCT(siracusa::ast::PairBinder, first, second, attributes)
BOOST_FUSION_ADAPT_STRUCT(siracusa::ast::Quantified, kind, binders, body)
BOOST_FUSION_ADAPT_STRUCT(siracusa::ast::BoundValue, bound, value)
BOOST_FUSION_ADAPT_STRUCT(siracusa::ast::RangeValue, low, high)
BOOST_FUSION_ADAPT_STRUCT(siracusa::ast::ParaRange, low, high)
BOOST_FUSION_ADAPT_STRUCT(siracusa::ast::Citation, kind, reference, paras, unverified)
BOOST_FUSION_ADAPT_STRUCT(siracusa::ast::Source, document, paras)
BOOST_FUSION_ADAPT_STRUCT(siracusa::ast::ParaSpan, low, high)
BOOST_FUSION_ADAPT_STRUCT(siracusa::ast::Deontic, act, who)
BOOST_FUSION_ADAPT_STRUCT(siracusa::ast::ReportedAbsent, duty, source)
BOOST_FUSION_ADAPT_STRUCT(siracusa::ast::Provenance, basis, source)
BOOST_FUSION_ADAPT_STRUCT(siracusa::ast::StatedValue, value, provenance)
BOOST_FUSION_ADAPT_STRUCT(siracusa::ast::PartialImplementation, duty, note)
BOOST_FUSION_ADAPT_STRUCT(siracusa::ast::Clause, key, fact, value)
BOOST_FUSION_ADAPT_STRUCT(siracusa::ast::TypeExpr, kind, name, members)
BOOST_FUSION_ADAPT_STRUCT(siracusa::ast::EnumMember, name, doc)
BOOST_FUSION_ADAPT_STRUCT(siracusa::ast::EnumDecl, name, role, doc, members)
BOOST_FUSION_ADAPT_STRUCT(siracusa::ast::AttributeDecl, name, type, is_protected, doc)
BOOST_FUSION_ADAPT_STRUCT(siracusa::ast::PersonDecl, keyword, attributes)
BOOST_FUSION_ADAPT_STRUCT(siracusa::ast::FactDecl, name, type, doc)
BOOST_FUSION_ADAPT_STRUCT(siracusa::ast::DutyBody, rights, nature)
BOOST_FUSION_ADAPT_STRUCT(siracusa::ast::DutyDecl, name, doc, body)
BOOST_FUSION_ADAPT_STRUCT(siracusa::ast::ActDecl, name, doc)
BOOST_FUSION_ADAPT_STRUCT(siracusa::ast::Block, kind, name, clauses)
BOOST_FUSION_ADAPT_STRUCT(siracusa::ast::ProvisionDecl, name, clauses)
BOOST_FUSION_ADAPT_STRUCT(siracusa::ast::LawDecl, name, items)
BOOST_FUSION_ADAPT_STRUCT(siracusa::ast::Change, verb, fact, value, names)
BOOST_FUSION_ADAPT_STRUCT(siracusa::ast::Amends, law, provision, changes)
BOOST_FUSION_ADAPT_STRUCT(siracusa::ast::Repeals, law, provision)
BOOST_FUSION_ADAPT_STRUCT(siracusa::ast::AddsTo, law, provision)
BOOST_FUSION_ADAPT_STRUCT(siracusa::ast::AmendmentDecl, name, items)
BOOST_FUSION_ADAPT_STRUCT(siracusa::ast::ExpectDecl, negated, verdict, strength, selector, target, target_provision,
                          sources)
